package dev.wisex.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a helper command of the test machine (mkfifo, kill, clang) and says whether it worked. */
public final class Commands {
  private static final long TIMEOUT_SECONDS = 120;

  private Commands() {}

  /**
   * True when {@code command} exits 0 within two minutes; false when it fails, hangs or does not
   * exist, so a test can skip on a machine that lacks it. Its output is discarded.
   */
  public static boolean succeed(List<String> command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@link #succeed(List)} for a command written out. */
  public static boolean succeed(String... command) throws InterruptedException {
    return succeed(List.of(command));
  }
}
