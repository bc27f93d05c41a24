package dev.wisex.api;

import java.util.function.LongSupplier;

/**
 * Hears which stage a pre-initialization is in, so a tool can show progress while a long init or a
 * large memory is being processed. Called on the thread that runs the pipeline; implementations
 * must return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores everything. */
  ProgressListener NONE = (stage, detail) -> {};

  /**
   * A stage starts: {@code parse}, {@code instrument}, {@code init}, {@code snapshot}, {@code
   * rewrite} or {@code verify}; {@code detail} says what it works on (e.g. {@code "16 MiB of
   * memory"}), or is empty.
   */
  void stage(String stage, String detail);

  /**
   * Once init's instance exists: {@code memoryBytes} gives the current total size of its memories,
   * callable from any thread while init runs, or a negative value where the backend cannot tell.
   */
  default void watchMemory(LongSupplier memoryBytes) {}
}
