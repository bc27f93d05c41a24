package dev.wisex.rewriter.archfixture;

import dev.wisex.maven.PreinitMojo;

/** Breaks [module-layering]: nothing depends on the Maven plugin. */
public final class RewriterUsesMavenPlugin {
  private RewriterUsesMavenPlugin() {}

  public static Object goal() {
    return new PreinitMojo();
  }
}
