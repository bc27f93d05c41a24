package dev.wisex.runtime.graal;

import dev.wisex.runtime.spi.GuestMemory;
import java.nio.ByteOrder;
import java.util.Objects;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A GraalWasm memory seen through the SPI. An exported memory is a polyglot buffer: reads are one
 * bulk {@link Value#readBuffer} call; the polyglot API has no bulk write, so writes go eight bytes
 * per call.
 */
final class GraalMemory implements GuestMemory {
  private final Value memory;

  GraalMemory(Value memory) {
    this.memory = Objects.requireNonNull(memory, "memory");
  }

  @Override
  public long byteSize() {
    // Read on every call: the guest may have grown the memory since this view was made.
    return memory.getBufferSize();
  }

  @Override
  public void read(long address, byte[] dst, int dstOffset, int length) {
    Objects.checkFromIndexSize(dstOffset, length, dst.length);
    GuestMemory.checkAccess(address, length, byteSize());
    if (length > 0) {
      try {
        memory.readBuffer(address, dst, dstOffset, length);
      } catch (PolyglotException e) {
        throw Failures.duringExecution(e);
      }
    }
  }

  @Override
  public void write(long address, byte[] src, int srcOffset, int length) {
    Objects.checkFromIndexSize(srcOffset, length, src.length);
    GuestMemory.checkAccess(address, length, byteSize());
    try {
      int i = 0;
      for (; i + 8 <= length; i += 8) {
        memory.writeBufferLong(
            ByteOrder.LITTLE_ENDIAN, address + i, littleEndianLong(src, srcOffset + i));
      }
      for (; i < length; i++) {
        memory.writeBufferByte(address + i, src[srcOffset + i]);
      }
    } catch (PolyglotException e) {
      throw Failures.duringExecution(e);
    }
  }

  private static long littleEndianLong(byte[] bytes, int at) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[at + i] & 0xFF);
    }
    return value;
  }
}
