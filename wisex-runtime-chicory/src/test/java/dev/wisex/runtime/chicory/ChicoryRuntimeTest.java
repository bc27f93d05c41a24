package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
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
  void capabilitiesCannotBeChangedByACaller() {
    Set<Capability> capabilities = runtime.capabilities();
    capabilities.add(Capability.SIMD);
    assertFalse(runtime.capabilities().contains(Capability.SIMD));
  }

  @Test
  void serviceLoaderFindsIt() {
    // On the module path the caller of ServiceLoader must declare `uses`; the test module adds it
    // at run time rather than the production descriptor carrying a `uses` it does not need.
    getClass().getModule().addUses(WasmRuntime.class);
    List<WasmRuntime> found =
        ServiceLoader.load(WasmRuntime.class).stream().map(ServiceLoader.Provider::get).toList();
    assertTrue(found.stream().anyMatch(r -> r instanceof ChicoryRuntime), "found: " + found);
  }

  @Test
  void isDeclaredForTheClassPathAndTheModulePath() throws IOException {
    try (InputStream in =
        ChicoryRuntime.class.getResourceAsStream(
            "/META-INF/services/" + WasmRuntime.class.getName())) {
      assertNotNull(in, "services file missing");
      assertEquals(
          ChicoryRuntime.class.getName(),
          new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    }
    ModuleDescriptor descriptor = ChicoryRuntime.class.getModule().getDescriptor();
    if (descriptor != null) {
      assertTrue(
          descriptor.provides().stream()
              .anyMatch(
                  p ->
                      p.service().equals(WasmRuntime.class.getName())
                          && p.providers().equals(List.of(ChicoryRuntime.class.getName()))),
          descriptor.provides().toString());
    }
  }

  @Test
  void registryPicksItByDefault() {
    WasmRuntime chosen = RuntimeRegistry.discover().defaultRuntime();
    assertInstanceOf(ChicoryRuntime.class, chosen);
    assertEquals("chicory", chosen.name());
  }
}
