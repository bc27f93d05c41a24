package dev.wisex.wasix;

import dev.wisex.api.WisexException;

/**
 * The guest called {@code proc_exit}/{@code proc_exit2}. Thrown through the engine (a {@link
 * WisexException} reaches the pipeline unchanged) so the pipeline can end init there: with code 0
 * and the user's opt-in it snapshots the state at exit, otherwise init fails naming the code.
 */
public final class GuestExit extends WisexException {
  private static final long serialVersionUID = 1L;

  private final int code;

  public GuestExit(int code) {
    super("init exited with code " + code);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
