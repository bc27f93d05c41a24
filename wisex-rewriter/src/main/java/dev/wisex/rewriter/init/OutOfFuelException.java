package dev.wisex.rewriter.init;

import dev.wisex.api.LimitExceededException;

/**
 * Init used up its step budget ({@code --fuel}). Its own type so that the default selection's
 * trial, which runs the on-demand backend on a step budget of its own, can tell its budget's end
 * from the other limits.
 */
public final class OutOfFuelException extends LimitExceededException {
  private static final long serialVersionUID = 1L;

  OutOfFuelException(String message, Throwable cause) {
    super(message, cause);
  }
}
