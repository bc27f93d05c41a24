package dev.wisex.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.HostMemory;
import dev.wisex.runtime.spi.MemoryImport;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.WasmInstance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Memory imports, for a runtime that claims {@link Capability#IMPORTED_MEMORY}: a memory from
 * {@link dev.wisex.runtime.spi.WasmRuntime#newMemory} is the instance's memory, and a missing or
 * foreign one is refused by the import's name.
 */
public interface ImportedMemoryContract extends RuntimeUnderTest {
  private static HostImports memory(HostMemory memory) {
    return new HostImports(List.of(), List.of(new MemoryImport("env", "memory", memory)));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void dataSegmentsAndGuestStoresLandInTheHostMemory(ExecutionMode mode) {
    assumeClaims(Capability.IMPORTED_MEMORY);
    HostMemory memory = runtime().newMemory(new MemoryLimits(1, 4, false, false));
    try (WasmInstance instance = instantiate("imported_memory", memory(memory), mode)) {
      byte[] hello = new byte[5];
      memory.read(16, hello, 0, 5);
      assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), hello);
      instance.call("store8", 100, 0x5A);
      byte[] one = new byte[1];
      memory.read(100, one, 0, 1);
      assertEquals(0x5A, one[0]);
      memory.write(200, new byte[] {7}, 0, 1);
      assertEquals(7, instance.call("load8", 200)[0]);
      assertEquals(1, instance.call("grow", 2)[0]);
      assertEquals(3, memory.pages(), "growth is seen through the host memory");
    }
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aMissingMemoryIsNamed(ExecutionMode mode) {
    assumeClaims(Capability.IMPORTED_MEMORY);
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> instantiate("imported_memory", HostImports.none(), mode));
    assertEquals(
        "module imports the memory `env.memory`, which the host does not provide", e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aMemoryThisRuntimeDidNotCreateIsRefused(ExecutionMode mode) {
    assumeClaims(Capability.IMPORTED_MEMORY);
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> instantiate("imported_memory", memory(new ForeignMemory()), mode));
    assertTrue(
        e.getMessage().startsWith("the memory for `env.memory` was not created by the `"),
        e.getMessage());
  }

  /** A host memory of no runtime at all. */
  final class ForeignMemory implements HostMemory {
    @Override
    public MemoryLimits limits() {
      return new MemoryLimits(1, 4, false, false);
    }

    @Override
    public long byteSize() {
      return 65536;
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
      throw new UnsupportedOperationException("never linked");
    }

    @Override
    public void write(long address, byte[] src, int srcOffset, int length) {
      throw new UnsupportedOperationException("never linked");
    }
  }
}
