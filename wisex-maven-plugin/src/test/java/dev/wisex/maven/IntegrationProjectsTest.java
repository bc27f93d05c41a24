package dev.wisex.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Checks what Maven wrote when the invoker built the projects under {@code src/it} with this plugin
 * (runs in the verify phase, after the invoker; {@code wisex.it.dir} is where they were built).
 */
class IntegrationProjectsTest {
  private static final Path IT = Path.of(System.getProperty("wisex.it.dir", "target/it"));

  @Test
  void packagePreinitializedBothConfiguredFiles() throws IOException {
    Path target = IT.resolve("preinit-counter/target");

    CounterModule.assertPreinitialized(
        Files.readAllBytes(target.resolve("counter.init.wasm")), "wizex.initialize");
    CounterModule.assertPreinitialized(
        Files.readAllBytes(target.resolve("counter.seven.wasm")), "init");
    String log = Files.readString(IT.resolve("preinit-counter/build.log"));
    assertTrue(log.contains("wisex: counter.wasm -> "), log);
  }

  @Test
  void aMissingInitFunctionFailsTheBuildNamingItAndWritesNothing() throws IOException {
    Path project = IT.resolve("missing-init-func");

    String log = Files.readString(project.resolve("build.log"));
    assertTrue(log.contains("BUILD FAILURE"), log);
    assertTrue(log.contains("module does not export an init function named `setup`"), log);
    assertFalse(Files.exists(project.resolve("target/counter.init.wasm")));
  }
}
