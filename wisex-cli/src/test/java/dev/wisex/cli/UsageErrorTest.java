package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  /** Wizer too refuses them: "Duplicated function rename". */
  @ParameterizedTest
  @ValueSource(strings = {"a=x,b=x", "a=x,a=y"})
  void aRenameNamedTwiceIsAUsageError(String renames) {
    String[] pair = renames.split(",");
    Cli.Result r = Cli.run("-r", pair[0], "-r", pair[1], "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().startsWith("error: --rename-func "), r::toString);
    assertTrue(r.stderr().contains("twice"), r::toString);
  }

  /** An empty name is no file: before, -o '' and --report '' failed as "is a directory". */
  @ParameterizedTest
  @ValueSource(strings = {"-o=", "--report=", "--cache-dir=", "--dir=", "--dir=:ro", ""})
  void anEmptyNameIsAUsageError(String arg) throws Exception {
    Path in = Files.write(dir.resolve("in.wasm"), Samples.counter());
    Path out = dir.resolve("out.wasm");
    Cli.Result r =
        arg.isEmpty()
            ? Cli.run("", "-o", out.toString())
            : arg.startsWith("-o=")
                ? Cli.run(in.toString(), arg)
                : Cli.run(in.toString(), "-o", out.toString(), arg);

    assertEquals(2, r.exitCode(), r::toString);
    String flag = arg.isEmpty() ? "the input module" : arg.substring(0, arg.indexOf('='));
    assertTrue(r.stderr().startsWith("error: " + flag), r::toString);
    assertFalse(Files.exists(out));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-o", "--report"})
  void aFileNameEndingInASlashIsAUsageError(String flag) throws Exception {
    Path in = Files.write(dir.resolve("in.wasm"), Samples.counter());
    Path out = dir.resolve("out.wasm");
    String slashed = dir.resolve("new") + "/";
    Cli.Result r =
        flag.equals("-o")
            ? Cli.run(in.toString(), "-o", slashed)
            : Cli.run(in.toString(), "-o", out.toString(), "--report", slashed);

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().startsWith("error: " + flag + " names a directory"), r::toString);
    assertFalse(Files.exists(dir.resolve("new")));
  }

  @Test
  void anUnknownRuntimeIsAUsageErrorWhenListingToo() {
    Cli.Result r = Cli.run("--runtime", "nope", "--list-runtimes");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("unknown runtime `nope`"), r::toString);
  }

  /** WASI's clock counts nanoseconds in 64 bits: before, an epoch past 2262 wrapped silently. */
  @ParameterizedTest
  @ValueSource(strings = {"-1", "9223372037", "18446744074"})
  void aClockEpochOutsideWasisRangeIsAUsageError(String seconds) {
    Cli.Result r = Cli.run("--clock-epoch=" + seconds, "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().startsWith("error: --clock-epoch must be 0 to 9223372036"), r::toString);
  }

  @Test
  void theLatestClockEpochRuns() throws Exception {
    Path in = Files.write(dir.resolve("in.wasm"), Samples.counter());
    Cli.Result r = Cli.run("--clock-epoch", "9223372036", in.toString(), "-o", dir + "/out.wasm");

    assertEquals(0, r.exitCode(), r::toString);
  }

  @Test
  void aReportOverTheOutputOrTheInputIsAUsageError() throws Exception {
    Path in = Files.write(dir.resolve("in.wasm"), Samples.counter());
    Path out = dir.resolve("out.wasm");

    Cli.Result same = Cli.run(in.toString(), "-o", out.toString(), "--report", out.toString());
    assertEquals(2, same.exitCode(), same::toString);
    assertTrue(same.stderr().contains("--report and -o name the same file"), same::toString);

    Cli.Result input = Cli.run(in.toString(), "-o", out.toString(), "--report", in.toString());
    assertEquals(2, input.exitCode(), input::toString);
    assertTrue(input.stderr().contains("--report names the input module"), input::toString);
    assertArrayEquals(Samples.counter(), Files.readAllBytes(in));
    assertFalse(Files.exists(out));
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
