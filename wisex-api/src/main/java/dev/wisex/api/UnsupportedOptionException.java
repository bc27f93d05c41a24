package dev.wisex.api;

/**
 * An option whose feature is not implemented yet. Raised instead of silently ignoring the option,
 * so a build never produces output that differs from what the user asked for.
 */
public class UnsupportedOptionException extends WisexException {
  private static final long serialVersionUID = 1L;

  public UnsupportedOptionException(String message) {
    super(message);
  }
}
