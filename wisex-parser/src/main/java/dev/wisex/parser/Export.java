package dev.wisex.parser;

/** One export: a name and the index it refers to in its kind's index space. */
public record Export(String name, ExternalKind kind, int index) {
  void write(ByteWriter out) {
    out.name(name).u8(kind.code()).u32(index);
  }
}
