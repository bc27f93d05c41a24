package dev.wisex.wasix.abi;

/**
 * The guest called {@code proc_exit}/{@code proc_exit2}. Internal like {@link WasiException}: the
 * calls layer throws it and the host's handler turns it into the public {@code GuestExit}, so the
 * calls never depend on the package that wires them.
 */
public final class ExitRequested extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;

  public ExitRequested(int code) {
    super(null, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
