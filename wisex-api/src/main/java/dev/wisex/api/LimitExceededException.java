package dev.wisex.api;

/**
 * Init reached one of the {@link InitLimits}. A separate type so build tools can tell "raise the
 * limit" apart from "the module is broken"; the message names the limit and the flag that raises
 * it.
 */
public class LimitExceededException extends InitFailedException {
  private static final long serialVersionUID = 1L;

  public LimitExceededException(String message) {
    super(message);
  }

  public LimitExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}
