package dev.wisex.parser;

/** What an import or export refers to. */
public enum ExternalKind {
  FUNCTION(0),
  TABLE(1),
  MEMORY(2),
  GLOBAL(3),
  TAG(4);

  private final int code;

  ExternalKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Spelling in messages: "function", "table", ... */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Reads an external kind byte; {@code what} names it in the error. */
  public static ExternalKind read(ByteReader in, String what) {
    int start = in.position();
    int code = in.u8(what);
    for (ExternalKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new dev.wisex.api.MalformedModuleException(
        "invalid " + what + " 0x" + Integer.toHexString(code) + " at offset " + start);
  }
}
