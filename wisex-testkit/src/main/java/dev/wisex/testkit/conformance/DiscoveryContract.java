package dev.wisex.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The runtime can be found: it is declared for the module path ({@code provides}) and the class
 * path ({@code META-INF/services}), {@link ServiceLoader} finds it, and what it claims cannot be
 * changed by a caller.
 */
public interface DiscoveryContract extends RuntimeUnderTest {
  @Test
  default void isAvailableWhereItsEngineIs() {
    assertTrue(runtime().availability().available(), runtime().availability().toString());
  }

  @Test
  default void capabilitiesCannotBeChangedByACaller() {
    Set<Capability> before = Set.copyOf(runtime().capabilities());
    try {
      runtime().capabilities().addAll(EnumSet.allOf(Capability.class));
    } catch (UnsupportedOperationException e) {
      // An unmodifiable set is one way to keep them.
    }
    assertEquals(before, runtime().capabilities());
  }

  @Test
  default void serviceLoaderFindsIt() {
    Class<?> type = runtime().getClass();
    List<WasmRuntime> found =
        ServiceLoader.load(WasmRuntime.class).stream().map(ServiceLoader.Provider::get).toList();
    assertTrue(found.stream().anyMatch(r -> r.getClass() == type), "found: " + found);
  }

  @Test
  default void isDeclaredForTheClassPathAndTheModulePath() throws IOException {
    Class<?> type = runtime().getClass();
    boolean listed = false;
    String services = "META-INF/services/" + WasmRuntime.class.getName();
    for (URL file : Collections.list(type.getClassLoader().getResources(services))) {
      try (InputStream in = file.openStream()) {
        listed |=
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .anyMatch(type.getName()::equals);
      }
    }
    assertTrue(listed, "no " + services + " lists " + type.getName());
    ModuleDescriptor descriptor = type.getModule().getDescriptor();
    if (descriptor != null) {
      assertTrue(
          descriptor.provides().stream()
              .anyMatch(
                  p ->
                      p.service().equals(WasmRuntime.class.getName())
                          && p.providers().contains(type.getName())),
          descriptor.provides().toString());
    }
  }
}
