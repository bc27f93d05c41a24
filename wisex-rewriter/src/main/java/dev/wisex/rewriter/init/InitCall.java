package dev.wisex.rewriter.init;

import dev.wisex.api.InitLimits;
import dev.wisex.api.WisexOptions;
import dev.wisex.runtime.spi.InstanceConfig;
import java.util.Objects;

/**
 * What {@link InitRunner} needs of the options, taken from their groups once by the driver.
 *
 * @param initFunc the export init calls ({@code --init-func})
 * @param allowExitZero whether {@code proc_exit(0)} ends init with a snapshot ({@code
 *     --allow-exit-zero})
 * @param limits the bounds init runs under, for the deadline and for naming a limit it reached
 * @param instance how the backend instantiates
 */
public record InitCall(
    String initFunc, boolean allowExitZero, InitLimits limits, InstanceConfig instance) {
  public InitCall {
    Objects.requireNonNull(initFunc, "initFunc");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(instance, "instance");
  }

  /** The call {@code options} describe, instantiating with {@code instance}. */
  public static InitCall of(WisexOptions options, InstanceConfig instance) {
    return new InitCall(
        options.init().initFunc(), options.host().allowExitZero(), options.limits(), instance);
  }
}
