package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The progress line: its text, and that it stays off where it would corrupt captured output. */
class ProgressLineTest {
  @Test
  void rendersStageDetailAndElapsedTime() {
    assertEquals(
        "wisex: snapshot (16 MiB of memory) 2.5 s",
        ProgressLine.render("snapshot", "16 MiB of memory", 2_500_000_000L));
    assertEquals("wisex: init 0.2 s", ProgressLine.render("init", "", 200_000_000L));
  }

  @Test
  void aTickAfterTheEraseDrawsNothing() {
    // On Ctrl-C the shutdown hook erases the line while the ticker still runs: a tick that comes
    // after the erase must not draw the line again over the shell's prompt.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ProgressLine line = new ProgressLine(new PrintStream(out, true))) {
      line.stage("init", "on chicory");
      line.draw();
      assertTrue(out.toString().contains("wisex: init (on chicory)"));
      line.erase(); // as the shutdown hook does
      int erasedAt = out.size();
      line.draw(); // a late tick
      assertEquals(erasedAt, out.size(), "nothing drawn after the erase");
      assertTrue(out.toString().endsWith("\r\033[K"));
    }
  }

  @Test
  void sizesReadWhileMemoryGrows() {
    assertEquals("64 KiB", ProgressLine.size(65536));
    assertEquals("17.5 MiB", ProgressLine.size(17L * 1024 * 1024 + 512 * 1024));
    assertEquals("4.0 GiB", ProgressLine.size(4L << 30));
  }

  @Test
  void fitsTheTerminalWidthKeepingTheElapsedTime() {
    String line = ProgressLine.render("init", "on chicory, " + "x".repeat(200), 4_200_000_000L);

    String fitted = ProgressLine.fit(line, 40);

    assertEquals(39, fitted.length(), fitted);
    assertTrue(fitted.startsWith("wisex: init (on chicory, xx"), fitted);
    assertTrue(fitted.endsWith(") 4.2 s"), fitted);
    assertEquals("wisex: init 4.2 s", ProgressLine.fit("wisex: init 4.2 s", 40));
  }

  @Test
  void isOffForStreamsOtherThanTheProcessStderrAndWithQuiet() {
    assertNull(ProgressLine.startIfTerminal(new PrintStream(new ByteArrayOutputStream()), false));
    assertNull(ProgressLine.startIfTerminal(System.err, true));
  }

  @Test
  void isOffWhenStderrIsNoTerminal() {
    // Test JVMs run with redirected streams: no terminal, so no progress line.
    assertEquals(false, Terminals.isTerminal(Terminals.STDERR));
    assertNull(ProgressLine.startIfTerminal(System.err, false));
  }

  @Test
  void quietSilencesWarningsButNotErrors() {
    Cli.Result r = Cli.run("--quiet", "missing.wasm");

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(true, r.stderr().startsWith("error: "), r::toString);
  }
}
