package dev.wisex.runtime.chicory.archfixture;

import dev.wisex.runtime.graal.archfixture.GraalBackendClass;

/** Breaks [backends-are-private]: one backend never names another. */
public final class ChicoryUsesGraalBackend {
  private ChicoryUsesGraalBackend() {}

  public static String other() {
    return GraalBackendClass.name();
  }
}
