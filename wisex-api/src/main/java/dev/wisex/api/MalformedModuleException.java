package dev.wisex.api;

/**
 * The input is not a well-formed WebAssembly binary; the message names what is wrong and the byte
 * offset.
 */
public class MalformedModuleException extends WisexException {
  private static final long serialVersionUID = 1L;

  public MalformedModuleException(String message) {
    super(message);
  }
}
