package dev.wisex.cli;

import dev.wisex.api.UnsupportedOptionException;
import dev.wisex.api.WisexException;
import java.io.PrintWriter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Turns every failure into the documented exit code and a short message on stderr, so users never
 * see a raw stack trace unless they ask with {@code -v} (then it is logged at DEBUG). Free of
 * picocli, so that a run {@link PlainCommandLine} parsed reports its failures without loading it.
 */
final class FailureReport {
  private static final Logger LOG = LogManager.getLogger(FailureReport.class);

  private FailureReport() {}

  /** Any failure of a run, including errors such as {@link OutOfMemoryError}. */
  static int report(Throwable ex, PrintWriter err) {
    if (ex instanceof UsageException) {
      err.println("error: " + oneLine(ex.getMessage()));
      return usageHint(err);
    }
    int exitCode;
    if (ex instanceof WisexException) {
      err.println("error: " + oneLine(ex.getMessage()));
      // Asking for something not implemented is a usage problem: the fix is changing the command
      // line.
      exitCode = ex instanceof UnsupportedOptionException ? ExitCodes.USAGE : ExitCodes.FAILURE;
    } else if (ex instanceof OutOfMemoryError) {
      // Within the documented limits a run may still need more heap than the JVM has: say which
      // limit to raise, not "internal error".
      err.println(
          "error: the JVM ran out of memory (heap limit "
              + Runtime.getRuntime().maxMemory() / (1 << 20)
              + " MiB): give it more heap (./wisex: WISEX_JAVA_OPTS=-Xmx8g), or lower"
              + " --max-memory");
      exitCode = ExitCodes.FAILURE;
    } else {
      err.println("error: internal error: " + oneLine(ex.toString()) + hint());
      exitCode = ExitCodes.FAILURE;
    }
    err.flush();
    LOG.debug("stack trace of the failure above", ex);
    return exitCode;
  }

  /** The last line of every usage error, after its message. */
  static int usageHint(PrintWriter err) {
    err.println("run `wisex --help` for usage");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static String hint() {
    return LOG.isDebugEnabled() ? "" : " (run with -v for the stack trace)";
  }

  /** Keeps the promise of one line per error even when a message spans several. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "unknown error";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
