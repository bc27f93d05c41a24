package dev.wisex.wasix.abi;

import dev.wisex.runtime.spi.ValType;

/**
 * How wide the guest's pointers and {@code size_t} are: 4 bytes for {@code wasi_snapshot_preview1}
 * and {@code wasix_32v1}, 8 for {@code wasix_64v1} (memory64). One parameter of the ABI layer, so
 * the 64-bit namespace reuses every table row and implementation instead of a copy of them. Only
 * pointer-sized values change; filesizes, timestamps, fds and the fixed-layout structs do not.
 */
public enum PointerWidth {
  /** 32-bit pointers: preview1 and {@code wasix_32v1}. */
  P32(4, ValType.I32),
  /** 64-bit pointers: {@code wasix_64v1}. */
  P64(8, ValType.I64);

  private final int bytes;
  private final ValType type;

  PointerWidth(int bytes, ValType type) {
    this.bytes = bytes;
    this.type = type;
  }

  /** Bytes a pointer or {@code size_t} takes in guest memory. */
  public int bytes() {
    return bytes;
  }

  /** The Wasm value type a pointer or size argument has. */
  public ValType type() {
    return type;
  }
}
