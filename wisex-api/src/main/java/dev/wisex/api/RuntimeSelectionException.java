package dev.wisex.api;

/**
 * No runtime backend fits the request: an unknown name, an unavailable backend, or a missing
 * capability.
 */
public class RuntimeSelectionException extends WisexException {
  private static final long serialVersionUID = 1L;

  public RuntimeSelectionException(String message) {
    super(message);
  }

  public RuntimeSelectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
