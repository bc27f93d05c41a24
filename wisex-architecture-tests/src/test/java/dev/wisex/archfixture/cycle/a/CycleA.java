package dev.wisex.archfixture.cycle.a;

import dev.wisex.archfixture.cycle.b.CycleB;

/** Breaks [no-package-cycles] together with {@link CycleB}. */
public final class CycleA {
  private CycleA() {}

  public static int next(int n) {
    return n > 0 ? CycleB.next(n - 1) : 0;
  }
}
