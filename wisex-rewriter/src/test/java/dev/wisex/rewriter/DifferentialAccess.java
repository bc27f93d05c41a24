package dev.wisex.rewriter;

import dev.wisex.api.WisexOptions;
import java.util.List;

/** Lets tests in sub-packages use the package-private differential oracle. */
public final class DifferentialAccess {
  private DifferentialAccess() {}

  /** Runs the oracle on Chicory with the given export names as argument-less check calls. */
  public static void check(byte[] module, WisexOptions options, List<String> calls) {
    Differential.chicory()
        .check(
            module,
            options,
            calls.stream().map(c -> Differential.Call.of(c)).toArray(Differential.Call[]::new));
  }
}
