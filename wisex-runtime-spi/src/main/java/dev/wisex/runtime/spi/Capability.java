package dev.wisex.runtime.spi;

/** Optional WebAssembly proposals a backend may or may not execute; used to pick a backend that can run a module. */
public enum Capability {
  SIMD,
  THREADS,
  MULTI_MEMORY,
  MEMORY64,
  EXCEPTIONS
}
