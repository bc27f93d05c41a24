package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chicory's memory imports beyond the kit's: one memory shared by instances (threads), and the
 * limits checked against the import's type.
 */
class ImportedMemoryTest implements RuntimeUnderTest {
  private static final ChicoryRuntime RUNTIME = new ChicoryRuntime();

  @Override
  public WasmRuntime runtime() {
    return RUNTIME;
  }

  private static HostImports memory(HostMemory memory) {
    return new HostImports(List.of(), List.of(new MemoryImport("env", "memory", memory)));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  void oneMemoryLinksIntoTwoInstances(ExecutionMode mode) {
    HostMemory memory = RUNTIME.newMemory(new MemoryLimits(1, 4, false, false));
    try (WasmInstance a = instantiate("imported_memory", memory(memory), mode);
        WasmInstance b = instantiate("imported_memory", memory(memory), mode)) {
      a.call("store8", 300, 9);
      assertEquals(9, b.call("load8", 300)[0]);
    }
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  void memoryOfTheWrongTypeIsRefusedNamingBoth(ExecutionMode mode) {
    HostMemory shared = RUNTIME.newMemory(new MemoryLimits(1, 4, true, false));
    InitFailedException e =
        assertThrows(
            InitFailedException.class, () -> instantiate("imported_memory", memory(shared), mode));
    assertTrue(
        e.getMessage().contains("`env.memory`") && e.getMessage().contains("shared"),
        e.getMessage());
  }

  @Test
  void refuses64BitMemories() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> RUNTIME.newMemory(new MemoryLimits(1, -1, false, true)));
    assertTrue(e.getMessage().contains("64-bit"), e.getMessage());
  }
}
