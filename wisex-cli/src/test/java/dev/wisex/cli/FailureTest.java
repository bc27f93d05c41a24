package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed runs: one line on stderr, exit 1, and the output location exactly as it was. */
class FailureTest {
  @TempDir Path dir;

  @Test
  void missingInputNamesThePathAndCreatesNoOutput() throws IOException {
    Path in = dir.resolve("missing.wasm");
    Path out = dir.resolve("out.wasm");

    Cli.Result r = Cli.run(in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("error: cannot read `" + in + "`: no such file or directory", r.stderr().strip());
    assertEquals("", r.stdout());
    assertEquals(List.of(), fileNames());
  }

  @Test
  void garbageInputFailsCleanlyAndCreatesNoOutput() throws IOException {
    Path in = Files.writeString(dir.resolve("garbage.wasm"), "this is not a wasm module");
    Path out = dir.resolve("out.wasm");

    Cli.Result r = Cli.run(in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertOneCleanErrorLine(r);
    assertFalse(Files.exists(out));
    assertEquals(List.of("garbage.wasm"), fileNames());
  }

  @Test
  void garbageInputLeavesAnExistingOutputByteIdentical() throws IOException {
    Path in = Files.writeString(dir.resolve("garbage.wasm"), "\0asm but then nonsense");
    byte[] previous = "previous output".getBytes(StandardCharsets.UTF_8);
    Path out = Files.write(dir.resolve("out.wasm"), previous);

    Cli.Result r = Cli.run(in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertOneCleanErrorLine(r);
    assertArrayEquals(previous, Files.readAllBytes(out));
    assertEquals(List.of("garbage.wasm", "out.wasm"), fileNames());
  }

  @Test
  void garbageOnStdinWritesNothingToStdout() {
    Cli.Result r = Cli.runWithStdin("garbage".getBytes(StandardCharsets.UTF_8));

    assertEquals(1, r.exitCode(), r::toString);
    assertOneCleanErrorLine(r);
    assertEquals(0, r.stdoutBytes().length, r::toString);
  }

  @Test
  void unwritableOutputIsReportedWithItsPath() throws IOException {
    Path out = dir.resolve("no-such-dir").resolve("out.wasm");

    Cli.Result r = Cli.runWithStdin(Samples.counter(), "-", "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(
        "error: cannot write `" + out + "`: no such file or directory", r.stderr().strip());
    assertEquals(List.of(), fileNames());
  }

  @Test
  void aMissingOutputDirectoryFailsBeforeInitRuns() throws IOException {
    // Init never ends: only a check before init can report the directory.
    Path in =
        Files.write(
            dir.resolve("spins.wasm"),
            Wat.assemble("(module (func (export \"wizex.initialize\") (loop (br 0))))"));
    Path out = dir.resolve("no-such-dir").resolve("out.wasm");

    Cli.Result r = Cli.run(in.toString(), "--timeout", "60s", "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(
        "error: cannot write `" + out + "`: no such file or directory", r.stderr().strip());
    assertEquals(List.of("spins.wasm"), fileNames());
  }

  @Test
  void aMissingReportDirectoryFailsBeforeInitRunsToo() throws IOException {
    Path in =
        Files.write(
            dir.resolve("spins.wasm"),
            Wat.assemble("(module (func (export \"wizex.initialize\") (loop (br 0))))"));
    Path report = dir.resolve("no-such-dir").resolve("report.json");

    Cli.Result r =
        Cli.run(
            in.toString(),
            "--timeout",
            "60s",
            "--report",
            report.toString(),
            "-o",
            dir.resolve("out.wasm").toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(
        "error: cannot write `" + report + "`: no such file or directory", r.stderr().strip());
    assertEquals(List.of("spins.wasm"), fileNames());
  }

  @Test
  void aSecondFileIsAUsageErrorWithoutACompletionHint() {
    Cli.Result r = Cli.run("a.wasm", "b.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(
        r.stderr().startsWith("error: wisex takes one input module, but `b.wasm` follows it"),
        r::toString);
    assertFalse(r.stderr().contains("generate-completion"), r::toString);
  }

  @Test
  void aWrongInitFuncNamesTheExportsThatLookLikeOne() throws IOException {
    Path in =
        Files.write(
            dir.resolve("wizer.wasm"),
            Wat.assemble(
                "(module (func (export \"_initialize\")) (func (export \"wizer.initialize\"))"
                    + " (func (export \"main\")) (func (export \"init_with_arg\") (param i32)))"));

    Cli.Result r = Cli.run(in.toString(), "-o", dir.resolve("out.wasm").toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(
        "error: module does not export an init function named `wizex.initialize`: export one or"
            + " pass its name with --init-func (did you mean `wizer.initialize`?)",
        r.stderr().strip());
  }

  @Test
  void sharedMemoryWithoutOnceFlagIsRefusedInOneLine() throws IOException {
    Path in =
        Files.write(
            dir.resolve("shared.wasm"), Wat.assemble(Samples.wat("shared_memory_no_flag.wat")));
    Path out = dir.resolve("out.wasm");

    Cli.Result r = Cli.run(in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertOneCleanErrorLine(r);
    assertTrue(
        r.stderr().contains("imports the shared memory `env.memory`, but it has no start function")
            && r.stderr().contains("wasm-ld --shared-memory"),
        r::toString);
    assertFalse(Files.exists(out));
  }

  /** A WisexException's message, not a crash: neither a stack trace nor an "internal error". */
  private static void assertOneCleanErrorLine(Cli.Result r) {
    String err = r.stderr().strip();
    assertEquals(1, err.lines().count(), r::toString);
    assertTrue(err.startsWith("error: "), r::toString);
    assertFalse(err.startsWith("error: internal error"), r::toString);
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
