package dev.wisex.archfixture.cycle.b;

import dev.wisex.archfixture.cycle.a.CycleA;

/** Breaks [no-package-cycles] together with {@link CycleA}. */
public final class CycleB {
  private CycleB() {}

  public static int next(int n) {
    return n > 0 ? CycleA.next(n - 1) : 0;
  }
}
