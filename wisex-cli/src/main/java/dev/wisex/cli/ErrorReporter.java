package dev.wisex.cli;

import dev.wisex.api.UnsupportedOptionException;
import dev.wisex.api.WisexException;
import java.io.PrintWriter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into the documented exit code and a short message on stderr, so users never
 * see a raw stack trace unless they ask with {@code -v} (then it is logged at DEBUG).
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private static final Logger LOG = LogManager.getLogger(ErrorReporter.class);

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    String stray = strayOperand(ex);
    if (stray != null) {
      // picocli would suggest the generate-completion subcommand for any extra file name.
      err.println(
          "error: wisex takes one input module, but `" + stray + "` follows it: pass one file");
    } else {
      err.println("error: " + oneLine(ex.getMessage()));
      // "Did you mean ...?" for a misspelled option.
      UnmatchedArgumentException.printSuggestions(ex, err);
    }
    err.println("run `wisex --help` for usage");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** An extra operand (not an option) after the input, or {@code null}. */
  private static String strayOperand(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      return unmatched.getUnmatched().get(0);
    }
    return null;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    return report(ex, commandLine.getErr());
  }

  /**
   * Also used for throwables picocli does not route here (errors such as {@link OutOfMemoryError}).
   */
  static int report(Throwable ex, PrintWriter err) {
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
