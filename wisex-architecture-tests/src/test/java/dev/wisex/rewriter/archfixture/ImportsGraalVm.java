package dev.wisex.rewriter.archfixture;

import org.graalvm.polyglot.Context;

/** Breaks [graalvm-only-in-its-backend]. */
public final class ImportsGraalVm {
  private ImportsGraalVm() {}

  public static Context context() {
    return Context.newBuilder("wasm").build();
  }
}
