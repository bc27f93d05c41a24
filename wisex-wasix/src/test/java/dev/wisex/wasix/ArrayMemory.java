package dev.wisex.wasix;

import dev.wisex.runtime.spi.GuestMemory;

/** A guest memory (one page unless told) for calling handlers directly. */
final class ArrayMemory implements GuestMemory {
  final byte[] bytes;

  ArrayMemory() {
    this(1);
  }

  ArrayMemory(int pages) {
    bytes = new byte[pages * 65536];
  }

  @Override
  public long byteSize() {
    return bytes.length;
  }

  @Override
  public void read(long address, byte[] dst, int dstOffset, int length) {
    System.arraycopy(bytes, (int) address, dst, dstOffset, length);
  }

  @Override
  public void write(long address, byte[] src, int srcOffset, int length) {
    System.arraycopy(src, srcOffset, bytes, (int) address, length);
  }

  int i32(int address) {
    return java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(address);
  }

  long i64(int address) {
    return java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(address);
  }

  void put(int address, String text) {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    System.arraycopy(b, 0, bytes, address, b.length);
  }
}
