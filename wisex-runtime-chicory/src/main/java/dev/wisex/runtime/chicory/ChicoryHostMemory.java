package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.Memory;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostMemory;
import dev.wisex.runtime.spi.MemoryLimits;

/**
 * A Chicory memory created by the host for memory imports. Chicory links one {@link Memory} object
 * into any number of instances, and its memory implements the atomics and wait/notify of a shared
 * memory, so threads sharing it behave as on any engine.
 */
final class ChicoryHostMemory implements HostMemory {
  private final MemoryLimits limits;
  private final Memory memory;
  private final ChicoryMemory view;

  private ChicoryHostMemory(MemoryLimits limits, Memory memory) {
    this.limits = limits;
    this.memory = memory;
    this.view = new ChicoryMemory(memory);
  }

  static ChicoryHostMemory create(MemoryLimits limits) {
    if (limits.memory64()) {
      throw new InitFailedException(
          "the `"
              + ChicoryRuntime.NAME
              + "` runtime cannot create a 64-bit memory; use --runtime graal");
    }
    int max = com.dylibso.chicory.wasm.types.MemoryLimits.MAX_PAGES;
    if (limits.minimum() > max || limits.maximum() > max) {
      throw new InitFailedException(
          "a memory of "
              + limits.minimum()
              + " pages (maximum "
              + limits.maximum()
              + ") exceeds the 4 GiB a 32-bit memory can hold");
    }
    int maximum = limits.hasMaximum() ? (int) limits.maximum() : max;
    var engineLimits =
        new com.dylibso.chicory.wasm.types.MemoryLimits(
            (int) limits.minimum(), maximum, limits.shared());
    // Chicory 1.7.5's byte-array memory fails every atomic access wider than a byte to a memory
    // that
    // is not shared, and which module links this one is not known here: an unshared memory is its
    // ByteBuffer memory (slower: the module's own memories are byte arrays unless it uses atomics).
    return new ChicoryHostMemory(
        limits,
        limits.shared() ? new ByteArrayMemory(engineLimits) : new ByteBufferMemory(engineLimits));
  }

  /** The engine's memory, for linking. */
  Memory memory() {
    return memory;
  }

  @Override
  public MemoryLimits limits() {
    return limits;
  }

  @Override
  public long byteSize() {
    return view.byteSize();
  }

  @Override
  public void read(long address, byte[] dst, int dstOffset, int length) {
    view.read(address, dst, dstOffset, length);
  }

  @Override
  public void write(long address, byte[] src, int srcOffset, int length) {
    view.write(address, src, srcOffset, length);
  }
}
