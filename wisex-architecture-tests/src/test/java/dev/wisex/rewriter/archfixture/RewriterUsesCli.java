package dev.wisex.rewriter.archfixture;

import dev.wisex.cli.WisexCommand;

/** Breaks [module-layering]: nothing depends on the CLI. */
public final class RewriterUsesCli {
  private RewriterUsesCli() {}

  public static void run() {
    WisexCommand.main(new String[0]);
  }
}
