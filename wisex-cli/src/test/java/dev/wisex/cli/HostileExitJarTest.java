package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wisex.testkit.Commands;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar in a child JVM on the ways out that are not a normal end: a timeout while nobody
 * reads the guest's stdout pipe, and SIGTERM/SIGINT while outputs are being written. Neither may
 * hang, nor leave a temporary file or a partial output behind.
 */
class HostileExitJarTest {
  private static final long WAIT_SECONDS = 60;

  /** Init writes 4 KiB to stdout forever: once the pipe is full, fd_write blocks for good. */
  private static final String ENDLESS_STDOUT =
      """
      (module
        (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 0) "\\10\\00\\00\\00\\00\\10\\00\\00")
        (func (export "wizex.initialize")
          (loop $l (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))) (br $l))))
      """;

  /** Init fills 64 MiB with non-zero bytes: an output of about 64 MiB. */
  private static final String LARGE_OUTPUT =
      """
      (module
        (memory (export "memory") 1024)
        (func (export "wizex.initialize")
          (memory.fill (i32.const 0) (i32.const 0x5a) (i32.const 0x4000000))))
      """;

  @TempDir Path dir;

  private static Path jar;

  @BeforeAll
  static void locateJar() {
    jar = Path.of(System.getProperty("wisex.jar", "target/wisex.jar"));
    assertTrue(
        Files.isRegularFile(jar), jar + " does not exist; run through Maven's package phase");
  }

  @Test
  void aTimeoutEndsTheRunEvenWhileNobodyReadsTheGuestsStdoutPipe() throws Exception {
    Path in = Files.write(dir.resolve("endless.wasm"), Wat.assemble(ENDLESS_STDOUT));
    Path out = dir.resolve("out.wasm");
    Path stderr = dir.resolve("stderr.txt");
    // stdout stays a pipe this test never reads.
    Process p =
        new ProcessBuilder(
                command("--allow-wasi", "--timeout", "2s", in.toString(), "-o", out.toString()))
            .redirectError(stderr.toFile())
            .start();
    long started = System.nanoTime();
    boolean ended = p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
      fail("wisex hung after --timeout with an unread stdout pipe");
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    assertEquals(1, p.exitValue(), () -> read(stderr));
    assertTrue(read(stderr).contains("--timeout 2 s"), () -> read(stderr));
    assertFalse(Files.exists(out));
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void sigtermWhileAnOutputWaitsLeavesNoTemporaryFile() throws Exception {
    signalWhileWaitingOnAFifo("TERM");
  }

  @Test
  void sigintWhileAnOutputWaitsLeavesNoTemporaryFile() throws Exception {
    signalWhileWaitingOnAFifo("INT");
  }

  /**
   * The report goes to a FIFO nobody opens, so the run is held after the module's temporary file is
   * complete and before it is renamed: a signal then must delete it.
   */
  private void signalWhileWaitingOnAFifo(String signal) throws Exception {
    Path fifo = dir.resolve("report.fifo");
    assumeTrue(Commands.succeed("mkfifo", fifo.toString()), "mkfifo is not available");
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Path out = dir.resolve("out.wasm");
    Process p =
        new ProcessBuilder(
                command("--report", fifo.toString(), in.toString(), "-o", out.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile())
            .start();
    awaitTemporaryFile(p);
    assertTrue(Commands.succeed("kill", "-" + signal, Long.toString(p.pid())));
    assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the signal did not end wisex");
    assertEquals(List.of(), temporaryFiles(), "temporary files left behind");
    assertFalse(Files.exists(out), "the module appeared without its report");
  }

  @Test
  void sigtermDuringALargeWriteLeavesNoTemporaryFileNorAPartialOutput() throws Exception {
    Path in = Files.write(dir.resolve("large.wasm"), Wat.assemble(LARGE_OUTPUT));
    Path out = dir.resolve("out.wasm");
    Process p =
        new ProcessBuilder(command(in.toString(), "-o", out.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile())
            .start();
    awaitTemporaryFile(p);
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "SIGTERM did not end wisex");
    Thread.sleep(200); // a writer that outlived the signal would make the file reappear or grow
    assertEquals(List.of(), temporaryFiles(), "temporary files left behind");
    if (Files.exists(out)) {
      // The signal came after the rename: then the output must be whole.
      assertTrue(Files.size(out) > 0x4000000, "a partial output of " + Files.size(out));
    }
  }

  private void awaitTemporaryFile(Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (temporaryFiles().isEmpty()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        fail("no temporary file appeared; " + read(dir.resolve("log.txt")));
      }
      Thread.sleep(1);
    }
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }
}
