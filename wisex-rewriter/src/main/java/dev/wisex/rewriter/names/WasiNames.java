package dev.wisex.rewriter.names;

/** Export names WASI gives a meaning to, which more than one stage must agree on. */
public final class WasiNames {
  /**
   * The WASI reactor initializer; wasi-libc traps if it runs twice, so it is called exactly once.
   */
  public static final String REACTOR_INIT = "_initialize";

  private WasiNames() {}
}
