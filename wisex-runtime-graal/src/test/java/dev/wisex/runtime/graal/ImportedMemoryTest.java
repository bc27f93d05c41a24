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
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportedMemoryTest {
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
  void dataSegmentsAndGuestStoresLandInTheHostMemory() {
    HostMemory memory = Fixtures.RUNTIME.newMemory(new MemoryLimits(1, 4, false, false));
    try (WasmInstance instance = Fixtures.instantiate("imported_memory", memory(memory))) {
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

  @Test
  void aMemoryLinksIntoOneInstanceOnly() {
    HostMemory memory = Fixtures.RUNTIME.newMemory(new MemoryLimits(1, 4, false, false));
    try (WasmInstance first = Fixtures.instantiate("imported_memory", memory(memory))) {
      first.call("store8", 1, 1);
      InitFailedException e =
          assertThrows(
              InitFailedException.class,
              () -> Fixtures.instantiate("imported_memory", memory(memory)));
      assertTrue(e.getMessage().contains("already linked"), e.getMessage());
    }
  }

  @Test
  void missingMemoryIsNamed() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> Fixtures.instantiate("imported_memory", HostImports.none()));
    assertTrue(e.getMessage().contains("memory `env.memory`"), e.getMessage());
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
