package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ChicoryRuntimeTest {
  private final ChicoryRuntime runtime = new ChicoryRuntime();

  @Test
  void describesItself() {
    assertEquals("chicory", runtime.name());
    assertEquals(100, runtime.priority());
    assertEquals(Availability.yes(), runtime.availability());
  }

  @Test
  void reportsTheChicoryVersionOnTheClassPath() {
    assertEquals("1.7.5", runtime.version());
  }

  @Test
  void claimsExactlyTheProposalsChicoryExecutes() {
    assertEquals(
        EnumSet.of(
            Capability.THREADS,
            Capability.MULTI_MEMORY,
            Capability.EXCEPTIONS,
            Capability.TAIL_CALLS,
            Capability.IMPORTED_MEMORY),
        runtime.capabilities());
  }

  @Test
  void registryPicksItByDefault() {
    WasmRuntime chosen = RuntimeRegistry.discover().defaultRuntime();
    assertInstanceOf(ChicoryRuntime.class, chosen);
    assertEquals("chicory", chosen.name());
  }
}
