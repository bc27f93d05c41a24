package dev.wisex.api;

/**
 * A WebAssembly trap, raised by the engine or by a host function. Backends translate their own trap
 * types into this one so that the pipeline never sees an engine class.
 */
public class WasmTrapException extends WisexException {
  private static final long serialVersionUID = 1L;

  public WasmTrapException(String message) {
    super(message);
  }

  public WasmTrapException(String message, Throwable cause) {
    super(message, cause);
  }
}
