package dev.wisex.rewriter.instrument;

import dev.wisex.api.InitFailedException;

/**
 * Init needed a memory larger than the engine it ran on can hold ({@link EngineMemoryLimit}): a
 * failure of the engine, not of the module, so the driver may run init again on a backend that
 * holds more.
 */
public final class EngineLimitException extends InitFailedException {
  private static final long serialVersionUID = 1L;

  private final transient EngineMemoryLimit limit;

  public EngineLimitException(String message, EngineMemoryLimit limit, Throwable cause) {
    super(message, cause);
    this.limit = limit;
  }

  /** The limit that was reached. */
  public EngineMemoryLimit limit() {
    return limit;
  }
}
