package dev.wisex.runtime.chicory;

/**
 * Carries an exception thrown by a host handler through Chicory. Wrapping it tells the failure
 * translation that the exception is the host's own, to be rethrown untouched, and not an engine
 * failure to be mapped.
 */
final class HostFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  HostFailure(RuntimeException original) {
    // No stack trace of its own: the original's is the one that matters.
    super(null, original, false, false);
  }

  RuntimeException original() {
    return (RuntimeException) getCause();
  }
}
