package dev.wisex.runtime.spi;

/**
 * A live instance. Everything wisex reads goes through exports (the instrumenter exports internal
 * globals and memories first), which is all any engine needs to offer.
 */
public interface WasmInstance extends AutoCloseable {
  /**
   * Calls an exported function with raw argument bits and returns the raw result bits.
   *
   * @throws dev.wisex.api.WasmTrapException if the call traps (engine trap or host function trap)
   */
  long[] call(String export, long... args);

  /** Reads an exported global with its exact bits. */
  GlobalValue global(String export);

  /** An exported memory, for bulk reads and writes. */
  GuestMemory memory(String export);

  /**
   * The current size in bytes of an exported memory, readable from any thread while guest code runs
   * in this instance, for progress displays; {@code -1} where the engine cannot answer that safely
   * (the default).
   */
  default long memoryBytesFromAnyThread(String export) {
    return -1;
  }

  @Override
  default void close() {}
}
