package dev.wisex.rewriter.archfixture;

/** Breaks [standard-streams-only-in-cli]: only the CLI ends the JVM. */
public final class ExitsTheJvm {
  private ExitsTheJvm() {}

  public static void fail() {
    System.exit(1);
  }
}
