package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend that wisex does not know about (the {@code wisex-runtime-example} jar on the test class
 * or module path) is listed and used with {@code --runtime}. Surefire runs this on both paths.
 */
class ThirdPartyRuntimeTest {
  @TempDir Path dir;

  private static int instantiations() throws ReflectiveOperationException {
    // Reflection keeps the CLI's test code free of a compile-time link to the plugin, as a user's
    // would be.
    Class<?> plugin = Class.forName("dev.wisex.runtime.example.ForwardingRuntime");
    return (int) plugin.getMethod("instantiations").invoke(null);
  }

  @Test
  void listsThePlugin() {
    Cli.Result r = Cli.run("--list-runtimes");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(
        r.stdout().lines().anyMatch(l -> l.startsWith("example ") && l.contains("available")),
        r::toString);
    assertTrue(
        r.stdout()
            .lines()
            .anyMatch(
                l -> l.startsWith("chicory ") && l.contains("(default for code under 256 KiB)")),
        r::toString);
  }

  @Test
  void runsInitOnThePluginWhenNamed() throws Exception {
    Path input = dir.resolve("counter.wasm");
    Files.write(input, Wat.resource(getClass(), "/wat/counter.wat"));
    int before = instantiations();

    Cli.Result viaPlugin =
        Cli.run("--runtime", "example", input.toString(), "-o", dir.resolve("a.wasm").toString());
    assertEquals(0, viaPlugin.exitCode(), viaPlugin::toString);
    assertEquals(before + 1, instantiations(), "the plugin ran init");

    Cli.Result viaDefault = Cli.run(input.toString(), "-o", dir.resolve("b.wasm").toString());
    assertEquals(0, viaDefault.exitCode(), viaDefault::toString);
    assertEquals(before + 1, instantiations(), "the default choice is not the plugin");
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("b.wasm")), Files.readAllBytes(dir.resolve("a.wasm")));
  }
}
