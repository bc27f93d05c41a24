package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageErrorTest {
  @TempDir Path dir;

  @Test
  void unknownFlagIsAUsageError() {
    Cli.Result r = Cli.run("--no-such-flag", "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().startsWith("error: "), r::toString);
    assertTrue(r.stderr().contains("--no-such-flag"), r::toString);
    assertTrue(r.stderr().contains("run `wisex --help`"), r::toString);
    assertEquals("", r.stdout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-equals-sign", "=src", "dst="})
  void malformedRenameIsAUsageError(String spec) {
    Cli.Result r = Cli.run("-r", spec, "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("--rename-func"), r::toString);
    assertTrue(r.stderr().contains(spec), r::toString);
  }

  @Test
  void malformedMapdirIsAUsageError() {
    Cli.Result r = Cli.run("--mapdir", "no-separator", "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("GUEST::HOST"), r::toString);
  }

  @Test
  void unknownExecutionModeIsAUsageError() {
    Cli.Result r = Cli.run("--execution-mode", "jit", "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("--execution-mode"), r::toString);
  }

  @Test
  void emptyInitFuncIsAUsageError() {
    Cli.Result r = Cli.run("-f", "", "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("init function"), r::toString);
  }

  @Test
  void moreThanOneInputIsAUsageError() {
    Cli.Result r = Cli.run("a.wasm", "b.wasm");

    assertEquals(2, r.exitCode(), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--allow-wasix", "--allow-wasi", "--allow-wasi=true", "--inherit-env"})
  void wasiFlagsAreAccepted(String flag) throws Exception {
    Path out = dir.resolve("out.wasm");
    Path in = dir.resolve("in.wasm");
    Files.write(in, Samples.counter());

    Cli.Result r = Cli.run(flag, in.toString(), "-o", out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(Files.exists(out));
  }

  @Test
  void aPreloadWithoutNameIsAUsageError() {
    Cli.Result r = Cli.run("--preload", "lib.wasm", "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
  }

  @Test
  void malformedEnvIsAUsageError() {
    Cli.Result r = Cli.run("--env", "NOEQUALS", "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("NAME=VALUE"), r::toString);
  }

  @Test
  void pendingFlagsSetToTheirDefaultAreAccepted() {
    Cli.Result r =
        Cli.run(
            "--allow-wasi=false",
            "--inherit-env=false",
            "--inherit-stdio",
            dir.resolve("missing.wasm").toString());

    // Gets past the option checks and fails only on the missing input.
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().startsWith("error: cannot read"), r::toString);
  }
}
