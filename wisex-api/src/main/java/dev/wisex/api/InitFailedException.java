package dev.wisex.api;

/**
 * Instantiating the module or running its initialization failed: a trap, a missing init export, or
 * a call to an import that has no host during init. Nothing is written when this is thrown.
 */
public class InitFailedException extends WisexException {
  private static final long serialVersionUID = 1L;

  public InitFailedException(String message) {
    super(message);
  }

  public InitFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
