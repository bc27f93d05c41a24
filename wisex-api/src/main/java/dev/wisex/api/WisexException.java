package dev.wisex.api;

/**
 * Root of every failure wisex reports on purpose. Unchecked, so library users catch one type; the
 * CLI maps any of them to exit code 1 and prints {@link #getMessage()} as the one-line cause.
 */
public class WisexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WisexException(String message) {
    super(message);
  }

  public WisexException(String message, Throwable cause) {
    super(message, cause);
  }
}
