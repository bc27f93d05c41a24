package dev.wisex.rewriter.archfixture;

import picocli.CommandLine;

/** Breaks [picocli-only-in-cli]. */
public final class ImportsPicocli {
  private ImportsPicocli() {}

  public static CommandLine commandLine(Object command) {
    return new CommandLine(command);
  }
}
