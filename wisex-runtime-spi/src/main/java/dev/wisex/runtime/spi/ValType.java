package dev.wisex.runtime.spi;

/**
 * WebAssembly value types as the SPI passes them; reference values travel as opaque {@code long}s.
 */
public enum ValType {
  I32,
  I64,
  F32,
  F64,
  V128,
  FUNCREF,
  EXTERNREF
}
