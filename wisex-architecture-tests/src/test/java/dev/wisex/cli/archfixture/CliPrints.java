package dev.wisex.cli.archfixture;

/** Keeps [standard-streams-only-in-cli]: the CLI owns the standard streams and the exit code. */
public final class CliPrints {
  private CliPrints() {}

  public static void main(String[] args) {
    System.out.println(String.join(" ", args));
    System.exit(0);
  }
}
