package dev.wisex.rewriter;

import dev.wisex.rewriter.instrument.Sizes;
import dev.wisex.runtime.spi.CodeLoading;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the default choice of backend ({@link EngineChoice}, no {@code --runtime}) does with the
 * backends installed, in words for listings ({@code --list-runtimes}, {@code --version}): with a
 * compiling and an on-demand backend available the choice is made per module by code size, so no
 * single backend is "the default"; a backend that compiles to machine code as it runs comes first
 * wherever it can run the module.
 */
public final class DefaultEngines {
  private final WasmRuntime preferred;
  private final WasmRuntime ahead;
  private final WasmRuntime onDemand;
  private final WasmRuntime machineCode;

  private DefaultEngines(
      WasmRuntime preferred, WasmRuntime ahead, WasmRuntime onDemand, WasmRuntime machineCode) {
    this.preferred = preferred;
    this.ahead = ahead;
    this.onDemand = onDemand;
    this.machineCode = machineCode;
  }

  /** The default choice among {@code runtimes}, for a module that needs no special capability. */
  public static DefaultEngines of(RuntimeRegistry runtimes) {
    List<WasmRuntime> able = runtimes.able(Set.of());
    WasmRuntime preferred = able.isEmpty() ? null : able.get(0);
    Optional<WasmRuntime> ahead = EngineChoice.first(able, CodeLoading.AHEAD_OF_TIME);
    Optional<WasmRuntime> onDemand = EngineChoice.first(able, CodeLoading.ON_DEMAND);
    WasmRuntime machineCode = EngineChoice.first(able, CodeLoading.MACHINE_CODE).orElse(null);
    if (ahead.isPresent() && onDemand.isPresent()) {
      return new DefaultEngines(preferred, ahead.get(), onDemand.get(), machineCode);
    }
    return new DefaultEngines(preferred, null, null, machineCode);
  }

  /**
   * The part {@code runtime} plays by default, such as {@code default for code under 256 KiB}, or
   * empty when it runs no module unless named.
   */
  public Optional<String> roleOf(WasmRuntime runtime) {
    if (runtime == machineCode) {
      return Optional.of("default for every module it runs");
    }
    if (ahead == null) {
      return runtime == preferred && machineCode == null
          ? Optional.of("default")
          : Optional.empty();
    }
    if (runtime == ahead) {
      return Optional.of("default for code under " + Sizes.describe(EngineChoice.SMALL_CODE_BYTES));
    }
    if (runtime == onDemand) {
      return Optional.of(
          "default for code of " + Sizes.describe(EngineChoice.LARGE_CODE_BYTES) + " or more");
    }
    return Optional.empty();
  }

  /** The per-module rule in one sentence, or empty when one backend runs every module. */
  public Optional<String> rule() {
    if (ahead == null) {
      return machineCode == null
          ? Optional.empty()
          : Optional.of(
              "without --runtime, each module runs on `"
                  + machineCode.name()
                  + "` where it can (-v says which ran and why)");
    }
    String first =
        machineCode == null
            ? "without --runtime, each module runs"
            : "without --runtime, each module runs on `"
                + machineCode.name()
                + "` where it can run it, else";
    return Optional.of(
        first
            + " on the backend its code size suits: `"
            + ahead.name()
            + "` under "
            + Sizes.describe(EngineChoice.SMALL_CODE_BYTES)
            + " of code, `"
            + onDemand.name()
            + "` from "
            + Sizes.describe(EngineChoice.LARGE_CODE_BYTES)
            + "; in between `"
            + onDemand.name()
            + "` first, for as long as compiling would take, then `"
            + ahead.name()
            + "` (with "
            + EngineRace.RACE_PROCESSORS
            + " idle processors both at once, the first to finish winning), and the"
            + " next run of the module uses the one that finished (-v says which ran and why)");
  }
}
