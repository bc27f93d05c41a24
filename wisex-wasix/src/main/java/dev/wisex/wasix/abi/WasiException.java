package dev.wisex.wasix.abi;

/**
 * A call fails with an errno the guest sees as the function's result. Thrown deep inside path
 * resolution or fd lookup so that every handler does not thread error codes by hand; the table
 * wrapper turns it into the return value. Not a {@link dev.wisex.api.WisexException}: it never
 * leaves a handler.
 */
public final class WasiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int errno;

  public WasiException(int errno) {
    super(null, null, false, false);
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
