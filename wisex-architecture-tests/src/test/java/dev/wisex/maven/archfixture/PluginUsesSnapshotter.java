package dev.wisex.maven.archfixture;

import dev.wisex.rewriter.snapshot.Snapshotter;

/** Breaks [maven-plugin-uses-the-library-api]: a pipeline stage instead of Preinitializer. */
public final class PluginUsesSnapshotter {
  private PluginUsesSnapshotter() {}

  public static String stage() {
    return Snapshotter.class.getName();
  }
}
