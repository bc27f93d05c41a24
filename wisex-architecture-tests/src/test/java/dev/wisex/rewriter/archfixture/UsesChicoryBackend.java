package dev.wisex.rewriter.archfixture;

import dev.wisex.runtime.chicory.ChicoryRuntime;
import dev.wisex.runtime.spi.WasmRuntime;

/** Breaks [backends-are-private]: backends are found through ServiceLoader, never named. */
public final class UsesChicoryBackend {
  private UsesChicoryBackend() {}

  public static WasmRuntime runtime() {
    return new ChicoryRuntime();
  }
}
