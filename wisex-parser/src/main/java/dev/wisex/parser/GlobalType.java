package dev.wisex.parser;

/** A global's value type and mutability. */
public record GlobalType(ValueType valueType, boolean mutable) {
  /** Reads a global type (value type and mutability). */
  public static GlobalType read(ByteReader in) {
    ValueType type = ValueType.read(in, "global type");
    int start = in.position();
    int mut = in.u8("global mutability");
    if (mut > 1) {
      throw new dev.wisex.api.MalformedModuleException(
          "invalid global mutability " + mut + " at offset " + start);
    }
    return new GlobalType(type, mut == 1);
  }
}
