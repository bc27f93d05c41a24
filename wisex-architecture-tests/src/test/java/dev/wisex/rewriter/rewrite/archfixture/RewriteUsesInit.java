package dev.wisex.rewriter.rewrite.archfixture;

import dev.wisex.rewriter.init.InitRunner;

/**
 * Breaks [pipeline-stages-depend-forward]: init, which runs guest code, is used by the driver
 * alone.
 */
public final class RewriteUsesInit {
  private RewriteUsesInit() {}

  public static Class<?> init() {
    return InitRunner.class;
  }
}
