package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The registry's one filter for "can run here" and "can run this module", which the engine choice,
 * the heap plan, {@code --cross-check} and the tests all use.
 */
class RuntimeRegistryTest {
  private static final WasmRuntime SIMD = new Fake("simd", 30, true, Set.of(Capability.SIMD));
  private static final WasmRuntime PLAIN = new Fake("plain", 20, true, Set.of());
  private static final WasmRuntime ABSENT = new Fake("absent", 40, false, Set.of(Capability.SIMD));
  private final RuntimeRegistry registry = new RuntimeRegistry(List.of(PLAIN, ABSENT, SIMD));

  @Test
  void availableLeavesOutWhatCannotRunHereInPreferenceOrder() {
    assertEquals(List.of(ABSENT, SIMD, PLAIN), registry.all());
    assertEquals(List.of(SIMD, PLAIN), registry.available());
  }

  @Test
  void ableAlsoLeavesOutWhatLacksACapability() {
    assertEquals(List.of(SIMD, PLAIN), registry.able(Set.of()));
    assertEquals(List.of(SIMD), registry.able(Set.of(Capability.SIMD)));
    assertEquals(List.of(), registry.able(Set.of(Capability.THREADS)));
  }

  @Test
  void selectionWithoutANameTakesTheFirstAbleOne() {
    assertSame(SIMD, registry.select(null, Set.of(Capability.SIMD)));
    RuntimeSelectionException none =
        assertThrows(
            RuntimeSelectionException.class,
            () -> registry.select(null, Set.of(Capability.THREADS)));
    assertTrue(none.getMessage().contains("available: simd, plain"), none.getMessage());
  }

  /**
   * An unknown name close to an installed one is taken for a typo of it; any other may be a backend
   * that a repackaged jar lost, and the failure says where backends are found.
   */
  @Test
  void anUnknownNameSuggestsTheBackendItLooksLikeOrWhereBackendsAreFound() {
    RuntimeSelectionException typo =
        assertThrows(RuntimeSelectionException.class, () -> registry.select("simdd", Set.of()));
    assertEquals(
        "unknown runtime `simdd`; available: simd, plain (did you mean `simd`?)",
        typo.getMessage());
    RuntimeSelectionException lost =
        assertThrows(RuntimeSelectionException.class, () -> registry.select("graal", Set.of()));
    assertTrue(
        lost.getMessage()
            .endsWith(
                "must merge them, e.g. with maven-shade-plugin's"
                    + " ServicesResourceTransformer)"),
        lost.getMessage());
  }

  /** Where none can run here, the failure says why each cannot (an engine of another release). */
  @Test
  void noneAvailableSaysWhyEachIsNot() {
    RuntimeRegistry none = new RuntimeRegistry(List.of(ABSENT));
    RuntimeSelectionException failed =
        assertThrows(RuntimeSelectionException.class, () -> none.select(null, Set.of()));
    assertEquals(
        "no runtime backend is available here; runtime `absent` is not available: not installed",
        failed.getMessage());
  }

  private record Fake(String name, int priority, boolean present, Set<Capability> capabilities)
      implements WasmRuntime {
    @Override
    public String version() {
      return "1";
    }

    @Override
    public Availability availability() {
      return present ? Availability.yes() : Availability.no("not installed");
    }

    @Override
    public WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig config) {
      throw new UnsupportedOperationException("the registry never instantiates");
    }
  }
}
