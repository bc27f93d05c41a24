package dev.wisex.rewriter.archfixture;

/** Breaks [standard-streams-only-in-cli]. */
public final class PrintsToStdout {
  private PrintsToStdout() {}

  public static void report(String line) {
    System.out.println(line);
  }
}
