package dev.wisex.wasix.table;

import static dev.wisex.wasix.table.Entry.refused;

import dev.wisex.wasix.abi.PointerWidth;

/**
 * {@code wasi}: the one function of the WASI threads proposal, {@code thread-spawn(start_arg) ->
 * tid}, which wasi-libc's pthreads import. Known so that a call is refused for what it does, not as
 * an unknown import.
 */
public final class WasiThreadsTable {
  public static final String NAMESPACE = "wasi";

  private WasiThreadsTable() {}

  public static Table create() {
    return new Table(NAMESPACE, PointerWidth.P32)
        .add(refused("thread-spawn", "(ptr) -> (i32)", WasixTable.SPAWN));
  }
}
