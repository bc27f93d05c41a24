package dev.wisex.api;

/**
 * {@code --verify} found the written module starting in a state other than the snapshot; the
 * message names the first difference. This would be a wisex bug, so it is never swallowed.
 */
public class VerificationFailedException extends WisexException {
  private static final long serialVersionUID = 1L;

  public VerificationFailedException(String message) {
    super(message);
  }
}
