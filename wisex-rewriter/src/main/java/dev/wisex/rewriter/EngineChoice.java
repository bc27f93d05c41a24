package dev.wisex.rewriter;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.WisexOptions;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.CodeLoading;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which backend runs init, and the facts that decided it (logged at info, so {@code -v} shows why).
 * Without {@code --runtime} the rule weighs the module's code size against how each backend
 * prepares code: one that compiles every function before init runs (Chicory) wins where init runs
 * much of a small or mid-sized module, one that prepares functions on demand (GraalWasm) wins on
 * large modules, where compiling everything costs more than init itself. README.md, "Choosing a
 * runtime backend", gives the measurements behind the threshold.
 *
 * @param runtime the backend that runs init
 * @param reason one line naming the backend and the deciding facts
 */
record EngineChoice(WasmRuntime runtime, String reason) {
  /**
   * From this much code on, a backend that prepares functions on demand runs init: measured, it
   * wins on every module this large and loses on every smaller one of the benchmark set.
   */
  static final long LARGE_CODE_BYTES = 4L << 20;

  static EngineChoice choose(
      RuntimeRegistry runtimes, WisexOptions options, Set<Capability> required, CodeSize code) {
    if (options.runtime() != null) {
      WasmRuntime named = runtimes.select(options.runtime(), required);
      return new EngineChoice(named, "runtime `" + named.name() + "`: chosen with --runtime");
    }
    List<WasmRuntime> able =
        runtimes.all().stream()
            .filter(r -> r.availability().available())
            .filter(r -> r.capabilities().containsAll(required))
            .toList();
    if (able.isEmpty()) {
      runtimes.select(null, required); // throws, naming what is missing
    }
    WasmRuntime preferred = able.get(0);
    Optional<WasmRuntime> ahead = first(able, CodeLoading.AHEAD_OF_TIME);
    Optional<WasmRuntime> onDemand = first(able, CodeLoading.ON_DEMAND);
    if (ahead.isEmpty() || onDemand.isEmpty()) {
      return new EngineChoice(
          preferred,
          "runtime `"
              + preferred.name()
              + "`: the preferred available backend that runs the module"
              + (required.isEmpty() ? "" : " (it needs " + required + ")"));
    }
    if (options.executionMode() != ExecutionMode.AUTO) {
      return new EngineChoice(
          preferred,
          "runtime `"
              + preferred.name()
              + "`: the preferred available backend (--execution-mode "
              + options.executionMode().name().toLowerCase(Locale.ROOT)
              + " leaves the choice to priority)");
    }
    String facts =
        String.format(
            Locale.ROOT,
            "%,d bytes of code in %,d functions (largest %,d)",
            code.bytes(),
            code.functions(),
            code.largestFunction());
    if (code.bytes() >= LARGE_CODE_BYTES) {
      return new EngineChoice(
          onDemand.get(),
          "runtime `"
              + onDemand.get().name()
              + "`: "
              + facts
              + ", at least 4 MiB: a backend that prepares functions on demand starts faster than `"
              + ahead.get().name()
              + "`, which compiles them all before init runs");
    }
    return new EngineChoice(
        ahead.get(),
        "runtime `"
            + ahead.get().name()
            + "`: "
            + facts
            + ", under 4 MiB: compiling it all before init runs pays off against `"
            + onDemand.get().name()
            + "`, which interprets");
  }

  private static Optional<WasmRuntime> first(List<WasmRuntime> runtimes, CodeLoading loading) {
    return runtimes.stream().filter(r -> r.codeLoading() == loading).findFirst();
  }
}
