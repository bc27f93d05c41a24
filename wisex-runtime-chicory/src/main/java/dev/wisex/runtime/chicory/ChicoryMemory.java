package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.Memory;
import dev.wisex.runtime.spi.GuestMemory;
import java.util.Objects;

/**
 * A Chicory memory seen through the SPI. Chicory addresses memory with {@code int}s and caps it
 * below 2 GiB, so every {@code long} address is range-checked here before it is narrowed.
 */
final class ChicoryMemory implements GuestMemory {
  private final Memory memory;

  ChicoryMemory(Memory memory) {
    this.memory = Objects.requireNonNull(memory, "memory");
  }

  @Override
  public long byteSize() {
    // Read on every call: the guest may have grown the memory since this view was made.
    return (long) memory.pages() * Memory.PAGE_SIZE;
  }

  @Override
  public void read(long address, byte[] dst, int dstOffset, int length) {
    Objects.checkFromIndexSize(dstOffset, length, dst.length);
    int from = GuestMemory.checkAccess(address, length, byteSize());
    if (length > 0) {
      System.arraycopy(memory.readBytes(from, length), 0, dst, dstOffset, length);
    }
  }

  @Override
  public void write(long address, byte[] src, int srcOffset, int length) {
    Objects.checkFromIndexSize(srcOffset, length, src.length);
    int to = GuestMemory.checkAccess(address, length, byteSize());
    if (length > 0) {
      memory.write(to, src, srcOffset, length);
    }
  }
}
