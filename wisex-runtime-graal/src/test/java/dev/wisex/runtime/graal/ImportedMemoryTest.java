package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.HostMemory;
import dev.wisex.runtime.spi.MemoryImport;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.conformance.RuntimeUnderTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GraalWasm's memory imports beyond the kit's: a host memory comes into being inside the one
 * instance that links it, and shared memories are refused.
 */
class ImportedMemoryTest implements RuntimeUnderTest {
  @Override
  public WasmRuntime runtime() {
    return Fixtures.RUNTIME;
  }

  private static HostImports memory(HostMemory memory) {
    return new HostImports(List.of(), List.of(new MemoryImport("env", "memory", memory)));
  }

  @Test
  void readsAsZeroFilledUntilLinked() {
    HostMemory memory = Fixtures.RUNTIME.newMemory(new MemoryLimits(2, 4, false, false));
    assertEquals(2, memory.pages());
    byte[] bytes = {1, 1};
    memory.read(70000, bytes, 0, 2);
    assertArrayEquals(new byte[2], bytes);
  }

  @Test
  void aMemoryLinksIntoOneInstanceOnly() {
    HostMemory memory = Fixtures.RUNTIME.newMemory(new MemoryLimits(1, 4, false, false));
    try (WasmInstance first = instantiate("imported_memory", memory(memory), modes().get(0))) {
      first.call("store8", 1, 1);
      InitFailedException e =
          assertThrows(
              InitFailedException.class,
              () -> instantiate("imported_memory", memory(memory), modes().get(0)));
      assertTrue(e.getMessage().contains("already linked"), e.getMessage());
    }
  }

  @Test
  void refusesSharedMemoriesNamingTheBackendThatRunsThem() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> Fixtures.RUNTIME.newMemory(new MemoryLimits(1, 4, true, false)));
    assertTrue(e.getMessage().contains("--runtime chicory"), e.getMessage());
  }
}
