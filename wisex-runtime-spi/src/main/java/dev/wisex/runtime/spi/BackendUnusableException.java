package dev.wisex.runtime.spi;

import dev.wisex.api.InitFailedException;

/**
 * Thrown by {@link WasmRuntime#instantiate} when the backend finds, only once asked to run a
 * module, that it cannot run anything here, through no fault of the module: an engine process that
 * does not start or ends before it answers (a Node.js too old), which {@link
 * WasmRuntime#availability()} could not tell without the cost of starting it on every run. Where no
 * backend was named, the default selection then chooses again without this one; where it was named,
 * this is the run's failure.
 */
public class BackendUnusableException extends InitFailedException {
  private static final long serialVersionUID = 1L;

  private final String runtime;

  /**
   * @param runtime the backend's {@link WasmRuntime#name()}
   * @param message why it cannot run here, in words a user can act on
   */
  public BackendUnusableException(String runtime, String message, Throwable cause) {
    super(message, cause);
    this.runtime = runtime;
  }

  /** The name of the backend that cannot run here. */
  public String runtime() {
    return runtime;
  }
}
