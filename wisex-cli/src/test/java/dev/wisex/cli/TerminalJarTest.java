package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar on a real pseudo-terminal (util-linux {@code script}): a module is never written to the
 * terminal and never awaited from it, while the same streams redirected to files still work.
 */
class TerminalJarTest {
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  private static Path jar;
  private static Path sample;

  private record Run(int exitCode, String terminal) {}

  @BeforeAll
  static void locate() {
    jar = Path.of(System.getProperty("wisex.jar")).toAbsolutePath();
    sample = jar.getParent().getParent().getParent().resolve("samples/primes.wasm");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is missing");
  }

  @Test
  void aModuleIsNotWrittenToTheTerminal() throws Exception {
    Run r = onTerminal(sample + "");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(
        r.terminal().contains("refusing to write a binary module to the terminal: add -o FILE"),
        r::toString);
    assertFalse(r.terminal().contains("asm"), "no module bytes reached the terminal: " + r);
  }

  @Test
  void aModuleIsNotAwaitedFromTheTerminal() throws Exception {
    Run r = onTerminal("-o " + dir.resolve("out.wasm"));

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.terminal().contains("no input module: name a file"), r::toString);
    assertFalse(Files.exists(dir.resolve("out.wasm")));
  }

  @Test
  void redirectedStreamsStillWorkOnATerminal() throws Exception {
    Path out = dir.resolve("out.wasm");
    Run r = onTerminal("< " + sample + " > " + out);

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(0x00, Files.readAllBytes(out)[0]);
    assertEquals('a', Files.readAllBytes(out)[1]);
  }

  @Test
  void theProgressLineIsErasedWhenCtrlCStopsTheRun() throws Exception {
    Path spins =
        Files.write(
            dir.resolve("spins.wasm"),
            dev.wisex.testkit.Wat.assemble(
                "(module (func (export \"wizex.initialize\") (loop (br 0))))"));
    // SIGINT after the progress line has been drawn for a while, as Ctrl-C would send it. (A
    // background job of a script ignores SIGINT, so wisex runs in the foreground: exec keeps $$.)
    // It waits for the line in the transcript, as a user would see it, up to 100 s.
    String ctrlC =
        "(for i in $(seq 500); do grep -q 'wisex: init' '"
            + dir.resolve("terminal.txt")
            + "' && break; sleep 0.2; done; sleep 1; kill -INT $$) & exec";
    Run r = onTerminal(ctrlC, spins + " -o " + dir.resolve("out.wasm"));

    assertTrue(r.terminal().contains("wisex: init"), "the progress line was drawn: " + r);
    String afterLastDraw = r.terminal().substring(r.terminal().lastIndexOf("wisex: init"));
    assertTrue(afterLastDraw.contains("\r\033[K"), "and erased at the end: " + r);
    assertFalse(Files.exists(dir.resolve("out.wasm")));
  }

  /** Runs {@code java -jar wisex.jar ARGS} with the terminal as stdin, stdout and stderr. */
  private Run onTerminal(String args) throws IOException, InterruptedException {
    return onTerminal("", args);
  }

  private Run onTerminal(String shellPrefix, String args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = shellPrefix + " '" + java + "' -jar '" + jar + "' " + args;
    Path transcript = dir.resolve("terminal.txt");
    Process process =
        new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null")
            .redirectOutput(transcript.toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("wisex " + args + " did not finish on a terminal within " + TIMEOUT_SECONDS + " s");
    }
    return new Run(process.exitValue(), Files.readString(transcript));
  }
}
