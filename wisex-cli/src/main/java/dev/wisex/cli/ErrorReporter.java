package dev.wisex.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's handlers of a parse error and of a failed run: a usage error as picocli found it (with
 * its suggestions), everything else through {@link FailureReport}.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    String stray = strayOperand(ex);
    if (stray != null) {
      // picocli would suggest the generate-completion subcommand for any extra file name.
      err.println(
          "error: wisex takes one input module, but `" + stray + "` follows it: pass one file");
    } else {
      err.println("error: " + FailureReport.oneLine(ex.getMessage()));
      // "Did you mean ...?" for a misspelled option.
      UnmatchedArgumentException.printSuggestions(ex, err);
    }
    return FailureReport.usageHint(err);
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
    return FailureReport.report(ex, commandLine.getErr());
  }
}
