package dev.wisex.runtime.spi;

import dev.wisex.api.ExecutionMode;
import java.util.Objects;

/**
 * How to instantiate: the execution strategy. A record so that later settings (fuel, memory caps)
 * are added without changing the SPI's method signatures.
 */
public record InstanceConfig(ExecutionMode executionMode) {
  public InstanceConfig {
    Objects.requireNonNull(executionMode, "executionMode");
  }

  public static InstanceConfig defaults() {
    return new InstanceConfig(ExecutionMode.AUTO);
  }
}
