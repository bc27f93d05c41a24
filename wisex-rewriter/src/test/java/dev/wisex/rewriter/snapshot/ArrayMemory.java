package dev.wisex.rewriter.snapshot;

import dev.wisex.runtime.spi.GuestMemory;

/**
 * A plain byte-array memory for testing the scanner, the rewrite and the verifier without an
 * engine; counts bulk reads.
 */
public final class ArrayMemory implements GuestMemory {
  public final byte[] bytes;
  public int reads;

  public ArrayMemory(int pages) {
    bytes = new byte[pages << 16];
  }

  @Override
  public long byteSize() {
    return bytes.length;
  }

  @Override
  public void read(long address, byte[] dst, int dstOffset, int length) {
    reads++;
    System.arraycopy(bytes, (int) address, dst, dstOffset, length);
  }

  @Override
  public void write(long address, byte[] src, int srcOffset, int length) {
    System.arraycopy(src, srcOffset, bytes, (int) address, length);
  }
}
