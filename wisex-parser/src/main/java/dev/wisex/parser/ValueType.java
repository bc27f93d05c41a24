package dev.wisex.parser;

/**
 * Value types as encoded in the binary format. Typed references of the function-references and GC
 * proposals are kept as {@link #OTHER_REF}: wisex never needs to look inside them, only to know
 * they are references.
 */
public enum ValueType {
  I32(0x7F),
  I64(0x7E),
  F32(0x7D),
  F64(0x7C),
  V128(0x7B),
  FUNCREF(0x70),
  EXTERNREF(0x6F),
  EXNREF(0x69),
  OTHER_REF(-1);

  private final int code;

  ValueType(int code) {
    this.code = code;
  }

  /** The one-byte encoding, or -1 for {@link #OTHER_REF}. */
  public int code() {
    return code;
  }

  public boolean isReference() {
    return this == FUNCREF || this == EXTERNREF || this == EXNREF || this == OTHER_REF;
  }

  /** The WAT spelling, for messages. */
  public String watName() {
    return switch (this) {
      case OTHER_REF -> "ref";
      default -> name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Reads a value type, including the multi-byte {@code (ref null? ht)} forms. */
  static ValueType read(ByteReader in, String what) {
    int start = in.position();
    int code = in.u8(what);
    switch (code) {
      case 0x7F:
        return I32;
      case 0x7E:
        return I64;
      case 0x7D:
        return F32;
      case 0x7C:
        return F64;
      case 0x7B:
        return V128;
      case 0x70:
        return FUNCREF;
      case 0x6F:
        return EXTERNREF;
      case 0x69:
        return EXNREF;
      case 0x63, 0x64:
        in.s33("heap type");
        return OTHER_REF;
      case 0x6E, 0x6D, 0x6C, 0x6B, 0x6A, 0x71, 0x72, 0x73, 0x74:
        return OTHER_REF;
      default:
        throw new dev.wisex.api.MalformedModuleException(
            "invalid value type 0x"
                + Integer.toHexString(code)
                + " in "
                + what
                + " at offset "
                + start);
    }
  }
}
