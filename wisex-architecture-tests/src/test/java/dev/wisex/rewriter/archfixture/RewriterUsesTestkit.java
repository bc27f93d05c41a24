package dev.wisex.rewriter.archfixture;

import dev.wisex.testkit.Wat;

/** Breaks [module-layering]: production code never depends on the testkit. */
public final class RewriterUsesTestkit {
  private RewriterUsesTestkit() {}

  public static byte[] module() {
    return Wat.assemble("(module)");
  }
}
