package dev.wisex.rewriter;

import dev.wisex.api.WisexOptions;
import java.util.List;

/** Lets tests in sub-packages use the package-private differential oracle. */
public final class DifferentialAccess {
  private DifferentialAccess() {}

  /**
   * Runs the oracle on Chicory with the given export names as argument-less check calls; returns
   * the output.
   */
  public static byte[] check(byte[] module, WisexOptions options, List<String> calls) {
    return Differential.chicory()
        .check(
            module,
            options,
            calls.stream().map(c -> Differential.Call.of(c)).toArray(Differential.Call[]::new))
        .module();
  }

  /** The names of the available backends, for parameterized tests. */
  public static List<String> backends() {
    return Differential.everyBackend().stream().map(d -> d.runtime().name()).toList();
  }

  /**
   * Runs the oracle on the named backend; a backend that lacks what the module needs aborts the
   * test (skipped) after asserting that selecting it fails with the reason. Returns the output.
   */
  public static byte[] checkOn(
      String runtime, byte[] module, WisexOptions options, List<String> calls) {
    return Differential.on(runtime)
        .check(
            module,
            options,
            calls.stream().map(c -> Differential.Call.of(c)).toArray(Differential.Call[]::new))
        .module();
  }

  /** Runs the oracle on every available backend (each honours its own capabilities). */
  public static void checkOnEveryBackend(byte[] module, WisexOptions options, List<String> calls) {
    Differential.Call[] checks =
        calls.stream().map(c -> Differential.Call.of(c)).toArray(Differential.Call[]::new);
    for (Differential differential : Differential.everyBackend()) {
      differential.check(module, options, checks);
    }
  }
}
