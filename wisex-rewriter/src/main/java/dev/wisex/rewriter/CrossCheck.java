package dev.wisex.rewriter;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code --cross-check}: pre-initializes on the chosen backend and again on every other available
 * backend that supports the module, and fails, before anything is written, naming the first global
 * or memory range where two of them disagree. Costs one full run per backend.
 */
final class CrossCheck {
  private static final Logger LOG = LogManager.getLogger(CrossCheck.class);

  private CrossCheck() {}

  /**
   * @param preinitializer a pre-initializer with the caller's host functions and progress, for
   *     options naming one backend and without cross-checking
   * @throws RuntimeSelectionException if no second backend supports the module
   * @throws InitFailedException naming the first difference between two backends' outputs
   */
  static WisexResult run(
      ParsedInput input,
      WisexOptions options,
      RuntimeRegistry runtimes,
      Function<WisexOptions, Preinitializer> preinitializer) {
    Set<Capability> required = RequiredCapabilities.of(input.module(), input.code());
    WasmRuntime first = runtimes.select(options.runtime().name(), required);
    List<WasmRuntime> others =
        runtimes.able(required).stream().filter(r -> !r.name().equals(first.name())).toList();
    if (others.isEmpty()) {
      throw new RuntimeSelectionException(
          "--cross-check needs a second backend that runs this module, and only `"
              + first.name()
              + "` does here"
              + whyNoOther(runtimes, first, required));
    }
    WisexResult result = preinitializer.apply(on(options, first)).preinitialize(input, null, null);
    for (WasmRuntime other : others) {
      byte[] again =
          preinitializer.apply(on(options, other)).preinitialize(input, null, null).module();
      if (!Arrays.equals(result.module(), again)) {
        throw new InitFailedException(
            "--cross-check: backends disagree after init: "
                + OutputDifference.describe(first.name(), result.module(), other.name(), again));
      }
      LOG.debug("cross-check: `{}` agrees with `{}`", other.name(), first.name());
    }
    return result;
  }

  /**
   * Why no other backend can check {@code first} (what the installed ones lack, or that none is),
   * and what to do.
   */
  private static String whyNoOther(
      RuntimeRegistry runtimes, WasmRuntime first, Set<Capability> required) {
    List<String> lacking = new ArrayList<>();
    for (WasmRuntime other : runtimes.available()) {
      if (!other.name().equals(first.name())) {
        lacking.add(
            "`"
                + other.name()
                + "` lacks "
                + RuntimeRegistry.missing(other, required).stream()
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", ")));
      }
    }
    if (lacking.isEmpty()) {
      String another = first.name().equals("graal") ? "chicory" : "graal";
      return "; add another backend (e.g. wisex-runtime-"
          + another
          + ") or leave out --cross-check";
    }
    return " (" + String.join("; ", lacking) + "); leave out --cross-check";
  }

  private static WisexOptions on(WisexOptions options, WasmRuntime runtime) {
    return options.toBuilder().runtime(runtime.name()).crossCheck(false).build();
  }
}
