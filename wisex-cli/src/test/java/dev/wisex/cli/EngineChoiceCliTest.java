package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.HostileModules;
import dev.wisex.testkit.JvmBackendsOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -v} says which backend runs init and why, in one line naming the module's code size (known
 * here by construction: functions of 8,000 bytes each after a 6-byte init), and {@code --runtime}
 * overrides the choice.
 */
@ExtendWith(JvmBackendsOnly.class)
class EngineChoiceCliTest {
  /**
   * Race whatever the machine's load: the tests check the race, not when it is refused. The class
   * checks the rule among the JVM backends, which the default follows where V8 is off or cannot run
   * the module ({@link NodeChoiceCliTest} checks the choice of V8).
   */
  @BeforeAll
  static void raceAlways() {
    System.setProperty("wisex.race", "always");
  }

  @AfterAll
  static void raceAsConfigured() {
    System.clearProperty("wisex.race");
  }

  private static final int BODY = 8_000;

  @TempDir Path dir;

  private Path module(String name, int functions) throws IOException {
    Path file = dir.resolve(name + ".wasm");
    Files.write(file, HostileModules.code(functions, BODY));
    return file;
  }

  private static String facts(int functions) {
    return String.format(
        Locale.ROOT,
        "%,d bytes of code in %,d functions (largest %,d)",
        HostileModules.INIT_BODY_BYTES + (long) (functions - 1) * BODY,
        functions,
        BODY);
  }

  private static String reasonLine(Cli.Result r) {
    return r.stderr()
        .lines()
        .filter(l -> l.contains("init runs on"))
        .reduce((a, b) -> a + "\n" + b)
        .orElseThrow(() -> new AssertionError("no reason line: " + r));
  }

  @Test
  void verboseNamesTheCompilingBackendForSmallCode() throws IOException {
    Path in = module("small", 3);

    Cli.Result r = Cli.logged(in.toString(), "-o", dir.resolve("out.wasm").toString(), "-v");

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(
        "wisex: INFO init runs on runtime `chicory`: "
            + facts(3)
            + ", under 256 KiB: compiling it all before init runs costs less than interpreting it"
            + " on `graal`",
        reasonLine(r));
  }

  @Test
  void verboseNamesTheOnDemandBackendForLargeCode() throws IOException {
    int functions = 4 * 1024 * 1024 / BODY + 2; // 525 bodies of 8,000 after the init: over 4 MiB
    Path in = module("large", functions);

    Cli.Result r = Cli.logged(in.toString(), "-o", dir.resolve("out.wasm").toString(), "-v");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(
        reasonLine(r)
            .startsWith(
                "wisex: INFO init runs on runtime `graal`: "
                    + facts(functions)
                    + ", at least 4 MiB"),
        r::toString);
  }

  @Test
  void runtimeOverridesTheChoiceAndSaysSo() throws IOException {
    Path in = module("small", 3);

    Cli.Result r =
        Cli.logged(
            in.toString(), "-o", dir.resolve("out.wasm").toString(), "--runtime", "graal", "-v");

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("wisex: INFO init runs on runtime `graal`: chosen with --runtime", reasonLine(r));
  }

  @Test
  void middleCodeRacesAndWritesWhatOneBackendWrites() throws IOException {
    Path in = module("middle", 40); // 312,006 bytes of code
    Path raced = dir.resolve("raced.wasm");
    Path alone = dir.resolve("alone.wasm");

    // --no-cache: no memo of an earlier run of the same module decides instead of the race.
    Cli.Result r = Cli.logged(in.toString(), "-o", raced.toString(), "-v", "--no-cache");
    Cli.Result reference = Cli.run(in.toString(), "-o", alone.toString(), "--runtime", "chicory");

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(0, reference.exitCode(), reference::toString);
    assertTrue(
        reasonLine(r)
            .startsWith(
                "wisex: INFO init runs on runtimes `chicory` and `graal` at once: " + facts(40)),
        r::toString);
    assertTrue(
        r.stderr()
            .matches(
                "(?s).*`(chicory|graal)` finished first after \\d+ ms; `(chicory|graal)` stopped.*"),
        r::toString);
    assertArrayEquals(Files.readAllBytes(alone), Files.readAllBytes(raced));
  }
}
