package dev.wisex.runtime.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plugin is found by {@link java.util.ServiceLoader} through the SPI's registry. Surefire runs
 * this on the module path (the {@code provides} clause) and again on the class path (the services
 * file).
 */
class DiscoveryTest {
  @Test
  void registryFindsThePluginButDoesNotPreferIt() {
    RuntimeRegistry registry = RuntimeRegistry.discover();
    assertTrue(
        registry.all().stream().anyMatch(r -> r.name().equals("example")),
        "names: " + registry.all());
    assertEquals(
        "chicory",
        registry.defaultRuntime().name(),
        "a plugin with negative priority is never the default");
    WasmRuntime example = registry.select("example", Set.of());
    assertTrue(example.availability().available());
    assertEquals(registry.select("chicory", Set.of()).capabilities(), example.capabilities());
  }
}
