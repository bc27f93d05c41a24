package dev.wisex.wasix.abi.archfixture;

/**
 * Keeps [public-exceptions-extend-wisex-exception]: public, but in a package of dev.wisex.wasix
 * that the module does not export, so no other module can catch it by type.
 */
public final class HiddenErrno extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HiddenErrno() {
    super(null, null, false, false);
  }
}
