package dev.wisex.runtime.spi;

/**
 * The body of a host function. It receives the calling instance's memory 0 (or {@code null} if it
 * has none) and the arguments as raw bits; it returns the results likewise. Throwing {@link
 * dev.wisex.api.WasmTrapException} traps the guest with that message.
 */
@FunctionalInterface
public interface HostHandler {
  long[] apply(GuestMemory memory, long[] args);
}
