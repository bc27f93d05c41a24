package dev.wisex.runtime.spi;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.RuntimeChoice;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to instantiate: the execution strategy and where compiled code may be kept. A record so that
 * later settings (fuel, memory caps) are added without changing the SPI's method signatures.
 *
 * @param executionMode how the backend runs guest code
 * @param cacheDir a directory in which a backend that compiles guest code may keep what it compiled
 *     between runs (in a subdirectory named after the backend, such as {@code chicory/}), or {@code
 *     null}: keep nothing. A backend that uses it must key entries by everything that changes the
 *     compiled code, detect a corrupt entry and never trust it, write atomically (other processes
 *     share the directory), keep it bounded, and never fail a run because the directory cannot be
 *     written. Backends without a compile step ignore it; it never changes a result.
 */
public record InstanceConfig(ExecutionMode executionMode, Path cacheDir) {
  public InstanceConfig {
    Objects.requireNonNull(executionMode, "executionMode");
  }

  /** No cache. */
  public InstanceConfig(ExecutionMode executionMode) {
    this(executionMode, null);
  }

  /**
   * The execution mode and cache directory the user chose ({@code --execution-mode}, {@code
   * --cache-dir}).
   */
  public static InstanceConfig of(RuntimeChoice choice) {
    return new InstanceConfig(choice.executionMode(), choice.cacheDir());
  }

  /** {@link ExecutionMode#AUTO}, no cache. */
  public static InstanceConfig defaults() {
    return new InstanceConfig(ExecutionMode.AUTO);
  }
}
