package dev.wisex.runtime.graal.archfixture;

/**
 * Stands for any class of the GraalWasm backend; only ever a dependency target of other fixtures.
 */
public final class GraalBackendClass {
  private GraalBackendClass() {}

  public static String name() {
    return "graal";
  }
}
