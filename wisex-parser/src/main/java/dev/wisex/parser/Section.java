package dev.wisex.parser;

/**
 * A section as it stands in the input: its id and where its contents lie, so it can be copied back
 * byte-for-byte.
 *
 * @param id the section id (0 for custom sections)
 * @param start offset of the section's id byte
 * @param contentStart offset of the first content byte
 * @param end offset just past the section
 * @param customName the name of a custom section, else {@code null}
 */
public record Section(int id, int start, int contentStart, int end, String customName) {
  public static final int CUSTOM = 0;
  public static final int TYPE = 1;
  public static final int IMPORT = 2;
  public static final int FUNCTION = 3;
  public static final int TABLE = 4;
  public static final int MEMORY = 5;
  public static final int GLOBAL = 6;
  public static final int EXPORT = 7;
  public static final int START = 8;
  public static final int ELEMENT = 9;
  public static final int CODE = 10;
  public static final int DATA = 11;
  public static final int DATA_COUNT = 12;
  public static final int TAG = 13;

  public int contentLength() {
    return end - contentStart;
  }

  /**
   * The first section with {@code id} in {@code module}, found by walking the section headers alone
   * (nothing inside a section is decoded), or {@code null} if there is none; for a backend that
   * needs one fact of the raw bytes without parsing the whole module.
   *
   * @throws dev.wisex.api.MalformedModuleException if the header or a section size is malformed
   */
  public static Section find(byte[] module, int id) {
    ByteReader in = new ByteReader(module);
    in.skip(8, "header");
    while (!in.atEnd()) {
      int start = in.position();
      int sectionId = in.u8("section id");
      int size = in.u32Length("section size");
      int contentStart = in.position();
      in.skip(size, "section contents");
      if (sectionId == id) {
        return new Section(id, start, contentStart, in.position(), null);
      }
    }
    return null;
  }

  /** Position of a known section id in the order the binary format requires, or -1 for custom. */
  public static int orderOf(int id) {
    return switch (id) {
      case TYPE -> 1;
      case IMPORT -> 2;
      case FUNCTION -> 3;
      case TABLE -> 4;
      case MEMORY -> 5;
      case TAG -> 6;
      case GLOBAL -> 7;
      case EXPORT -> 8;
      case START -> 9;
      case ELEMENT -> 10;
      case DATA_COUNT -> 11;
      case CODE -> 12;
      case DATA -> 13;
      default -> -1;
    };
  }

  /** Lower-case name of a section id, for messages. */
  public static String nameOf(int id) {
    return switch (id) {
      case CUSTOM -> "custom";
      case TYPE -> "type";
      case IMPORT -> "import";
      case FUNCTION -> "function";
      case TABLE -> "table";
      case MEMORY -> "memory";
      case GLOBAL -> "global";
      case EXPORT -> "export";
      case START -> "start";
      case ELEMENT -> "element";
      case CODE -> "code";
      case DATA -> "data";
      case DATA_COUNT -> "data count";
      case TAG -> "tag";
      default -> "unknown (" + id + ")";
    };
  }
}
