package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.state.WasiState;

/**
 * The body of one WASI function: arguments as raw zero-extended bits, the errno as the result
 * (ignored for functions that return nothing). A {@link dev.wisex.wasix.abi.WasiException} thrown
 * inside becomes the errno; a {@link dev.wisex.api.WisexException} ends init.
 */
@FunctionalInterface
public interface Impl {
  int call(WasiState state, GuestMem memory, long[] args);
}
