package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImportedMemoryTest {
  private static final ChicoryRuntime RUNTIME = new ChicoryRuntime();

  private static HostImports memory(HostMemory memory) {
    return new HostImports(List.of(), List.of(new MemoryImport("env", "memory", memory)));
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void dataSegmentsAndGuestStoresLandInTheHostMemory(ExecutionMode mode) {
    HostMemory memory = RUNTIME.newMemory(new MemoryLimits(1, 4, false, false));
    try (WasmInstance instance = Fixtures.instantiate("imported_memory", memory(memory), mode)) {
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
  @EnumSource(ExecutionMode.class)
  void oneMemoryLinksIntoTwoInstances(ExecutionMode mode) {
    HostMemory memory = RUNTIME.newMemory(new MemoryLimits(1, 4, false, false));
    try (WasmInstance a = Fixtures.instantiate("imported_memory", memory(memory), mode);
        WasmInstance b = Fixtures.instantiate("imported_memory", memory(memory), mode)) {
      a.call("store8", 300, 9);
      assertEquals(9, b.call("load8", 300)[0]);
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void missingMemoryIsNamed(ExecutionMode mode) {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> Fixtures.instantiate("imported_memory", HostImports.none(), mode));
    assertTrue(e.getMessage().contains("memory `env.memory`"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void memoryOfTheWrongTypeIsRefusedNamingBoth(ExecutionMode mode) {
    HostMemory shared = RUNTIME.newMemory(new MemoryLimits(1, 4, true, false));
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> Fixtures.instantiate("imported_memory", memory(shared), mode));
    assertTrue(
        e.getMessage().contains("`env.memory`") && e.getMessage().contains("shared"),
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void refuses64BitMemories(ExecutionMode mode) {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> RUNTIME.newMemory(new MemoryLimits(1, -1, false, true)));
    assertTrue(e.getMessage().contains("64-bit"), e.getMessage());
  }
}
