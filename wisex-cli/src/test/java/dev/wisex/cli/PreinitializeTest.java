package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end in-process: the output is checked by running it on the default backend. */
class PreinitializeTest {
  private static final String INIT = "wizex.initialize";

  @TempDir Path dir;

  @Test
  void verifyChecksTheOutputBeforeWritingIt() throws IOException {
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Path out = dir.resolve("counter.init.wasm");

    PrintStream original = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    Cli.Result r;
    try {
      System.setErr(
          new PrintStream(logged, true, StandardCharsets.UTF_8)); // the log follows System.err
      r = Cli.run("--verify", "-v", in.toString(), "-o", out.toString());
    } finally {
      System.setErr(original);
    }

    assertEquals(0, r.exitCode(), r::toString);
    String log = logged.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("verified: the output starts in the snapshotted state"), log);
    assertInitialized(Files.readAllBytes(out), "get");
  }

  @Test
  void crossCheckRunsEveryBackendAndWritesTheAgreedOutput() throws IOException {
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Path checked = dir.resolve("checked.wasm");
    Path plain = dir.resolve("plain.wasm");

    Cli.Result r = Cli.run("--cross-check", in.toString(), "-o", checked.toString());
    Cli.Result p = Cli.run(in.toString(), "-o", plain.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(0, p.exitCode(), p::toString);
    assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(checked));
  }

  @Test
  void fileToFile() throws IOException {
    byte[] input = Samples.counter();
    Path in = Files.write(dir.resolve("counter.wasm"), input);
    Path out = dir.resolve("counter.init.wasm");

    Cli.Result r = Cli.run(in.toString(), "-o", out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.stderr());
    assertEquals(0, r.stdoutBytes().length, "nothing on stdout when writing a file");
    byte[] output = Files.readAllBytes(out);
    assertTrue(Samples.startsWithMagic(output));
    assertFalse(java.util.Arrays.equals(input, output));
    assertInitialized(output, "get");
    assertFalse(Samples.containsName(output, INIT), "the init export is removed by default");
    assertEquals(
        List.of("counter.init.wasm", "counter.wasm"), fileNames(), "no temporary file left behind");
  }

  @Test
  void replacesAnExistingOutput() throws IOException {
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Path out = Files.writeString(dir.resolve("out.wasm"), "stale");

    Cli.Result r = Cli.run(in.toString(), "--output", out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertInitialized(Files.readAllBytes(out), "get");
  }

  @Test
  void stdinToStdoutCarriesOnlyTheModule() {
    Cli.Result r = Cli.runWithStdin(Samples.counter());
    Cli.Result dashes = Cli.runWithStdin(Samples.counter(), "-", "-o", "-");

    assertEquals(0, r.exitCode(), r::toString);
    assertInitialized(r.stdoutBytes(), "get");
    assertEquals(0, dashes.exitCode(), dashes::toString);
    assertArrayEquals(r.stdoutBytes(), dashes.stdoutBytes(), "the output is deterministic");
  }

  @Test
  void keepInitFuncAndRenameFunc() {
    Cli.Result r = Cli.runWithStdin(Samples.counter(), "--keep-init-func", "-r", "value=get");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(
        Samples.containsName(r.stdoutBytes(), INIT), "--keep-init-func keeps the init export");
    assertInitialized(r.stdoutBytes(), "value");
  }

  @Test
  void customInitFuncThatDoesNotExistFailsCleanly() {
    Cli.Result r = Cli.runWithStdin(Samples.counter(), "-f", "no.such.export");

    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().startsWith("error: "), r::toString);
    assertFalse(r.stderr().startsWith("error: internal error"), r::toString);
    assertEquals(0, r.stdoutBytes().length);
  }

  @Test
  void verboseLogsASummaryOnStderrAndKeepsStdoutClean() {
    PrintStream original = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    Cli.Result r;
    try {
      // The log appender follows System.err; the command's own stderr only carries error messages.
      System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
      r = Cli.runWithStdin(Samples.counter(), "-v");
    } finally {
      System.setErr(original);
    }

    assertEquals(0, r.exitCode(), r::toString);
    assertInitialized(r.stdoutBytes(), "get");
    String log = logged.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("wisex: INFO <stdin> ("), log);
    assertTrue(log.contains("-> <stdout>"), log);
  }

  /** Runs the output without calling init: the state must already be there. */
  private static void assertInitialized(byte[] module, String getter) {
    assertTrue(Samples.startsWithMagic(module), "not a wasm module");
    try (WasmInstance instance =
        RuntimeRegistry.discover()
            .select("chicory", Set.of())
            .instantiate(module, HostImports.none(), InstanceConfig.defaults())) {
      assertArrayEquals(new long[] {42}, instance.call(getter));
      byte[] text = new byte[5];
      instance.memory("memory").read(16, text, 0, text.length);
      assertEquals("wisex", new String(text, StandardCharsets.US_ASCII));
    }
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
