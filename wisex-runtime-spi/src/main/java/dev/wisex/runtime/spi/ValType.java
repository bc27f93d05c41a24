package dev.wisex.runtime.spi;

import java.util.Optional;

/**
 * WebAssembly value types as the SPI passes them; reference values travel as opaque {@code long}s.
 */
public enum ValType {
  I32(0x7F),
  I64(0x7E),
  F32(0x7D),
  F64(0x7C),
  V128(0x7B),
  FUNCREF(0x70),
  EXTERNREF(0x6F);

  private final int code;

  ValType(int code) {
    this.code = code;
  }

  /** The one-byte encoding in the binary format. */
  public int code() {
    return code;
  }

  /**
   * The type with this one-byte encoding, or empty for any other (typed references, {@code
   * exnref}), so that whoever decoded a module's types can name them without an engine.
   */
  public static Optional<ValType> ofCode(int code) {
    for (ValType type : values()) {
      if (type.code == code) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
