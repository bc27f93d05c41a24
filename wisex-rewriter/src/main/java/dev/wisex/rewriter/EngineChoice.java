package dev.wisex.rewriter;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.RuntimeChoice;
import dev.wisex.rewriter.instrument.Sizes;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.CodeLoading;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.PreparationCost;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which backend runs init, and the facts that decided it (logged at info, so {@code -v} shows why).
 * Without {@code --runtime} the rule weighs the module's code size against how each backend
 * prepares code: one that compiles every function before init runs (Chicory) wins on small code
 * whatever init does, one that prepares functions on demand (GraalWasm) wins on large code, where
 * compiling everything costs more than init itself; in between, init's own amount of work decides,
 * which no static fact tells, so both run at once and the first to finish wins ({@link
 * EngineRace}). README.md, "Choosing a runtime backend", gives the measurements behind the
 * thresholds.
 *
 * @param runtime the backend that runs init (in a race or a trial: the one whose failure is
 *     reported)
 * @param rival in a race or a trial, the other backend; otherwise {@code null}
 * @param trial whether the rival runs first, alone, for at most {@code budget}, and {@code runtime}
 *     only if it did not finish (rather than both at once)
 * @param budget in a trial, the processor time the rival may use ({@link #trialBudget}); otherwise
 *     {@code null}
 * @param steps in a trial, the steps the rival may run ({@link #TRIAL_STEPS_PER_CODE_BYTE});
 *     otherwise 0
 * @param reason one line naming the backend(s) and the deciding facts
 */
record EngineChoice(
    WasmRuntime runtime,
    WasmRuntime rival,
    boolean trial,
    PreparationCost budget,
    long steps,
    String reason) {
  /**
   * The trial's step budget ({@code --fuel}'s unit: function entries and loop iterations) per byte
   * of code. An init that runs few steps for its code size sets a program up and returns, touching
   * much of its code once, which the on-demand backend prepares as it goes: javy's init takes
   * 70,900 steps for 957,001 bytes of code (0.074 per byte). One that runs many loops and calls per
   * byte of code repeats it, which compiled code runs many times faster: quickjs's init takes 37.7
   * steps per byte, sqlite's 4.1. Counting steps, not time, leaves the on-demand backend's own
   * start (its parse of the module, its instance) out of the decision, and decides alike on every
   * machine. The processor-time budget still bounds the trial.
   */
  static final double TRIAL_STEPS_PER_CODE_BYTE = 0.15;

  /** Below this much code the compiling backend runs init: it wins there whatever init does. */
  static final long SMALL_CODE_BYTES = 256L << 10;

  /** From this much code on, a backend that prepares functions on demand runs init. */
  static final long LARGE_CODE_BYTES = 4L << 20;

  /**
   * How long the on-demand backend may run init alone first: the processor time the compiling
   * backend {@code compiling} expects its compile of the code to cost here ({@link
   * WasmRuntime#preparationCost}, which Chicory learns from its own compiles in the cache
   * directory). Where init ends within it, the compile is saved; where it does not, at most the
   * compile's cost is lost (twice the compile, in the worst case, like renting skis as long as the
   * rent stays below the price).
   */
  static PreparationCost trialBudget(
      CodeSize code, WasmRuntime compiling, InstanceConfig config, MachinePace pace) {
    PreparationCost said = compiling.preparationCost(code.bytes(), config);
    return pace == null ? said : pace.compileCost(code.bytes(), said);
  }

  /**
   * Decides.
   *
   * @param namedBy who named {@link RuntimeChoice#name()} when it is set, for the reason ({@code
   *     --runtime}, the race, a retry); {@code null} for {@code --runtime}
   * @param noRace why the two may not run at once ({@link EngineRace#refusal}), or {@code null} if
   *     they may
   * @param trial whether, where they may not, the on-demand backend may run first, alone, within
   *     {@link #trialBudget}
   * @param compileHazard a shape the compiling backend handles in superlinear time ({@link
   *     CompileCostHazard}), or {@code null}
   * @param pace this machine's speed at scanning the module, for the trial's budget ({@link
   *     #trialBudget}), or {@code null}
   */
  static EngineChoice choose(
      RuntimeRegistry runtimes,
      RuntimeChoice options,
      Set<Capability> required,
      CodeSize code,
      String namedBy,
      String noRace,
      boolean trial,
      String compileHazard,
      MachinePace pace) {
    if (options.name() != null) {
      WasmRuntime named = runtimes.select(options.name(), required);
      return alone(
          named,
          "runtime `"
              + named.name()
              + "`: chosen with "
              + (namedBy == null ? "--runtime" : namedBy));
    }
    List<WasmRuntime> able = runtimes.able(required);
    if (able.isEmpty()) {
      runtimes.select(null, required); // throws, naming what is missing
    }
    WasmRuntime preferred = able.get(0);
    Optional<WasmRuntime> machineCode = first(able, CodeLoading.MACHINE_CODE);
    if (machineCode.isPresent() && options.executionMode() == ExecutionMode.AUTO) {
      return alone(
          machineCode.get(),
          "runtime `"
              + machineCode.get().name()
              + "`: it compiles functions to machine code as init first calls them, so it starts"
              + " as soon as a backend that interprets and runs as fast as one that compiles"
              + " first, on code of any size");
    }
    Optional<WasmRuntime> ahead = first(able, CodeLoading.AHEAD_OF_TIME);
    Optional<WasmRuntime> onDemand = first(able, CodeLoading.ON_DEMAND);
    if (ahead.isEmpty() || onDemand.isEmpty()) {
      return alone(
          preferred,
          "runtime `"
              + preferred.name()
              + "`: the preferred available backend that runs the module"
              + (required.isEmpty() ? "" : " (it needs " + required + ")"));
    }
    if (options.executionMode() != ExecutionMode.AUTO) {
      return alone(
          preferred,
          "runtime `"
              + preferred.name()
              + "`: the preferred available backend (--execution-mode "
              + options.executionMode().name().toLowerCase(Locale.ROOT)
              + " leaves the choice to priority)");
    }
    String compiled = "`" + ahead.get().name() + "`";
    String interpreted = "`" + onDemand.get().name() + "`";
    String facts =
        String.format(
            Locale.ROOT,
            "%,d bytes of code in %,d functions (largest %,d)",
            code.bytes(),
            code.functions(),
            code.largestFunction());
    if (compileHazard != null) {
      return alone(
          onDemand.get(),
          "runtime "
              + interpreted
              + ": "
              + compileHazard
              + ", which "
              + compiled
              + "'s compiler takes superlinear time on");
    }
    if (code.bytes() >= LARGE_CODE_BYTES) {
      return alone(
          onDemand.get(),
          "runtime "
              + interpreted
              + ": "
              + facts
              + ", at least "
              + Sizes.describe(LARGE_CODE_BYTES)
              + ": a backend that prepares functions on demand starts faster than "
              + compiled
              + ", which compiles them all before init runs");
    }
    if (code.bytes() < SMALL_CODE_BYTES) {
      return alone(
          ahead.get(),
          "runtime "
              + compiled
              + ": "
              + facts
              + ", under "
              + Sizes.describe(SMALL_CODE_BYTES)
              + ": compiling it all before init runs costs less than interpreting"
              + " it on "
              + interpreted);
    }
    String between =
        facts
            + ", between "
            + Sizes.describe(SMALL_CODE_BYTES)
            + " and "
            + Sizes.describe(LARGE_CODE_BYTES)
            + ", where init's own work decides";
    if (noRace != null && trial) {
      PreparationCost budget = trialBudget(code, ahead.get(), InstanceConfig.of(options), pace);
      long steps = Math.max(1, (long) (code.bytes() * TRIAL_STEPS_PER_CODE_BYTE));
      return new EngineChoice(
          ahead.get(),
          onDemand.get(),
          true,
          budget,
          steps,
          "runtime "
              + interpreted
              + String.format(
                  Locale.ROOT,
                  " for up to %,d steps (function entries and loop iterations, %s per byte of"
                      + " code) or %.2f s of processor time",
                  steps,
                  TRIAL_STEPS_PER_CODE_BYTE,
                  budget.processorTime().toMillis() / 1000.0)
              + " (what compiling the code would cost "
              + compiled
              + ": "
              + budget.basis()
              + "), then "
              + compiled
              + ": "
              + between
              + "; no race ("
              + noRace
              + ")");
    }
    if (noRace != null) {
      return alone(
          ahead.get(),
          "runtime "
              + compiled
              + ": "
              + between
              + "; no race with "
              + interpreted
              + " ("
              + noRace
              + "), so the one that loses least where it loses");
    }
    return new EngineChoice(
        ahead.get(),
        onDemand.get(),
        false,
        null,
        0,
        "runtimes "
            + compiled
            + " and "
            + interpreted
            + " at once: "
            + between
            + "; the first to finish wins, the other is stopped");
  }

  private static EngineChoice alone(WasmRuntime runtime, String reason) {
    return new EngineChoice(runtime, null, false, null, 0, reason);
  }

  /** The most preferred of {@code runtimes} that loads code the given way. */
  static Optional<WasmRuntime> first(List<WasmRuntime> runtimes, CodeLoading loading) {
    return runtimes.stream().filter(r -> r.codeLoading() == loading).findFirst();
  }
}
