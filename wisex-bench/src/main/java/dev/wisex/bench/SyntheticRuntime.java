package dev.wisex.bench;

import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A backend that executes nothing: every call returns at once and every memory export is one
 * prepared in-heap memory. With it the pipeline's time is wisex's own (parse, instrument, snapshot,
 * rewrite), not an engine's. Passed to {@code Preinitializer} directly, never registered.
 */
final class SyntheticRuntime implements WasmRuntime {
  private final ArrayMemory memory;

  SyntheticRuntime(ArrayMemory memory) {
    this.memory = memory;
  }

  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public Availability availability() {
    return Availability.yes();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  @Override
  public WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig config) {
    return new WasmInstance() {
      @Override
      public long[] call(String export, long... args) {
        return new long[0];
      }

      @Override
      public GlobalValue global(String export) {
        throw new UnsupportedOperationException("the synthetic modules have no mutable globals");
      }

      @Override
      public GuestMemory memory(String export) {
        return memory;
      }
    };
  }

  /** A memory held in one array (below 2 GiB, which is what the benchmarks need). */
  static final class ArrayMemory implements GuestMemory {
    final byte[] bytes;

    ArrayMemory(long byteSize) {
      bytes = new byte[Math.toIntExact(byteSize)];
    }

    @Override
    public long byteSize() {
      return bytes.length;
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
      System.arraycopy(bytes, Math.toIntExact(address), dst, dstOffset, length);
    }

    @Override
    public void write(long address, byte[] src, int srcOffset, int length) {
      System.arraycopy(src, srcOffset, bytes, Math.toIntExact(address), length);
    }
  }
}
