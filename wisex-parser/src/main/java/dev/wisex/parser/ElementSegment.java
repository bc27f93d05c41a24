package dev.wisex.parser;

/**
 * One element segment, decoded so malformed element sections are caught and table initialization
 * can be reasoned about; the section itself is always copied as it stands.
 *
 * @param mode active, passive or declarative
 * @param tableIndex target table of an active segment (0 otherwise)
 * @param offsetExpr exact bytes of an active segment's offset expression, or an empty array
 * @param elementType the reference type of the items
 * @param items how many items the segment has
 * @param functions the functions its items name (by index or by {@code ref.func}), which the spec
 *     counts as declared for {@code ref.func} in code
 */
public record ElementSegment(
    Mode mode,
    int tableIndex,
    byte[] offsetExpr,
    ValueType elementType,
    int items,
    java.util.BitSet functions) {
  /** How an element segment is used. */
  public enum Mode {
    ACTIVE,
    PASSIVE,
    DECLARATIVE
  }

  static ElementSegment read(ByteReader in, byte[] module) {
    int at = in.position();
    int flags = in.u32("element segment flags");
    if (flags < 0 || flags > 7) {
      throw new dev.wisex.api.MalformedModuleException(
          "invalid element segment flags " + Integer.toUnsignedString(flags) + " at offset " + at);
    }
    boolean passiveOrDeclarative = (flags & 1) != 0;
    boolean explicitTable = (flags & 2) != 0;
    boolean expressions = (flags & 4) != 0;
    Mode mode =
        !passiveOrDeclarative ? Mode.ACTIVE : explicitTable ? Mode.DECLARATIVE : Mode.PASSIVE;
    int table = 0;
    byte[] offset = new byte[0];
    if (mode == Mode.ACTIVE) {
      if (explicitTable) {
        table = in.u32Length("element segment table index");
      }
      offset = ConstExpr.read(in, module, "element segment offset");
    }
    ValueType type = ValueType.FUNCREF;
    if (flags != 0 && flags != 4) {
      if (expressions) {
        type = ValueType.read(in, "element segment reference type");
      } else {
        int kindAt = in.position();
        int kind = in.u8("element kind");
        if (kind != 0) {
          throw new dev.wisex.api.MalformedModuleException(
              "invalid element kind 0x" + Integer.toHexString(kind) + " at offset " + kindAt);
        }
      }
    }
    int count = in.u32Length("element count");
    if (count > in.remaining()) {
      throw in.error("element count " + count + " exceeds the section's remaining bytes");
    }
    java.util.BitSet functions = new java.util.BitSet();
    for (int i = 0; i < count; i++) {
      if (expressions) {
        ConstExpr.refFuncs(ConstExpr.read(in, module, "element expression"), functions);
      } else {
        functions.set(in.u32("element function index"));
      }
    }
    return new ElementSegment(mode, table, offset, type, count, functions);
  }
}
