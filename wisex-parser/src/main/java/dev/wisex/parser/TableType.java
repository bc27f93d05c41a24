package dev.wisex.parser;

/**
 * A table's element type and limits.
 *
 * @param elementType the reference type of the elements
 * @param minimum minimum size
 * @param maximum maximum size, or -1 if unbounded
 * @param table64 indexed with i64 (memory64 proposal)
 */
public record TableType(ValueType elementType, long minimum, long maximum, boolean table64) {
  /** Reads a table type (reference type and limits). */
  public static TableType read(ByteReader in) {
    int start = in.position();
    ValueType element = ValueType.read(in, "table element type");
    if (!element.isReference()) {
      throw new dev.wisex.api.MalformedModuleException(
          "table element type must be a reference at offset " + start);
    }
    int flags = in.u8("table limits flags");
    if ((flags & ~0x07) != 0) {
      throw new dev.wisex.api.MalformedModuleException(
          "invalid table limits flags 0x"
              + Integer.toHexString(flags)
              + " at offset "
              + (in.position() - 1));
    }
    boolean table64 = (flags & 0x04) != 0;
    long min = table64 ? in.u64("table minimum") : in.u32("table minimum") & 0xFFFF_FFFFL;
    long max = -1;
    if ((flags & 0x01) != 0) {
      max = table64 ? in.u64("table maximum") : in.u32("table maximum") & 0xFFFF_FFFFL;
    }
    return new TableType(element, min, max, table64);
  }
}
