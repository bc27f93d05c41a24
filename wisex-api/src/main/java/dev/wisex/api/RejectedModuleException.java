package dev.wisex.api;

/**
 * The module is well-formed but uses something wisex cannot snapshot or restore (an imported
 * global, a mutable reference global, a disabled feature). The message names the item and what to
 * change.
 */
public class RejectedModuleException extends WisexException {
  private static final long serialVersionUID = 1L;

  public RejectedModuleException(String message) {
    super(message);
  }
}
