package dev.wisex.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether one of the process's standard streams is a terminal. Java answers that only for stdin and
 * stdout together ({@code Console.isTerminal}); a module piped in while stdout is a terminal needs
 * each on its own, so on Linux the answer comes from where {@code /proc/self/fd/N} points.
 */
final class Terminals {
  static final int STDIN = 0;
  static final int STDOUT = 1;
  static final int STDERR = 2;

  /** Where the width cannot be learned. */
  static final int DEFAULT_COLUMNS = 80;

  private Terminals() {}

  static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      // No /proc (macOS, Windows): both streams are terminals or the question stays open.
      return bothStdinAndStdout();
    }
  }

  /**
   * The terminal's width in columns: {@code COLUMNS} when the shell exports it, else what {@code
   * stty size} says of {@code /dev/tty}, else {@link #DEFAULT_COLUMNS}.
   */
  static int columns() {
    Integer fromEnv = positive(System.getenv("COLUMNS"));
    if (fromEnv != null) {
      return fromEnv;
    }
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(new java.io.File("/dev/tty"))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String answer = new String(stty.getInputStream().readAllBytes()).strip();
      if (stty.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) && stty.exitValue() == 0) {
        String[] rowsColumns = answer.split("\\s+");
        Integer columns = rowsColumns.length == 2 ? positive(rowsColumns[1]) : null;
        if (columns != null) {
          return columns;
        }
      }
    } catch (IOException e) {
      // No stty or no /dev/tty: the default below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DEFAULT_COLUMNS;
  }

  private static Integer positive(String text) {
    try {
      int value = text == null ? 0 : Integer.parseInt(text.strip());
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code Console.isTerminal()} where the JDK has it (22+); before that a console is one. */
  static boolean bothStdinAndStdout() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
