package dev.wisex.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
  void theHelpGoalDescribesTheParameters() throws IOException {
    String log = Files.readString(IT.resolve("help-goal/build.log"));

    assertTrue(log.contains("BUILD SUCCESS"), log);
    assertTrue(log.contains("wisex:preinit"), log);
    for (String parameter : List.of("renameFuncs", "maxMemory", "force")) {
      assertTrue(log.contains(parameter), parameter + " in " + log);
    }
    assertTrue(log.contains("User property: wisex.timeout"), log);
  }

  @Test
  void aMissingInitFunctionFailsTheBuildNamingItAndWritesNothing() throws IOException {
    Path project = IT.resolve("missing-init-func");

    String log = Files.readString(project.resolve("build.log"));
    assertTrue(log.contains("BUILD FAILURE"), log);
    assertTrue(log.contains("module does not export an init function named `setup`"), log);
    assertTrue(log.contains("<initFunc>"), "names the parameter to change: " + log);
    assertFalse(log.contains("--init-func"), log);
    assertFalse(Files.exists(project.resolve("target/counter.init.wasm")));
  }

  @Test
  void theCliOptionsAsParametersShapeTheOutput() throws IOException {
    byte[] output = Files.readAllBytes(IT.resolve("parameters/target/counter.init.wasm"));

    WasmRuntime chicory = RuntimeRegistry.discover().select("chicory", Set.of());
    try (WasmInstance snapshot =
        chicory.instantiate(output, HostImports.none(), InstanceConfig.defaults())) {
      // wat/counter.wat: init adds 41 to a zero counter; <renameFuncs> exports `count` as `total`.
      assertEquals(41, snapshot.call("total")[0]);
      assertThrows(RuntimeException.class, () -> snapshot.call("count"));
    }
  }

  @Test
  void theSecondBuildSkipsTheUpToDateOutput() throws IOException {
    Path project = IT.resolve("parameters");
    String log = Files.readString(project.resolve("build.log"));

    assertTrue(log.contains("wisex: counter.wasm -> "), log);
    String skipped = "is up to date (output newer than input, same configuration); skipped";
    assertEquals(1, log.split(java.util.regex.Pattern.quote(skipped), -1).length - 1, log);
    assertTrue(Files.exists(project.resolve("target/wisex/counter.init.wasm.options.sha256")));
  }
}
