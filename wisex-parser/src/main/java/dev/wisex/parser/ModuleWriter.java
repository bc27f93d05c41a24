package dev.wisex.parser;

import java.io.ByteArrayOutputStream;

/**
 * Writes a module section by section: unchanged sections are copied from the input's bytes as they
 * stand, rewritten ones are framed with their id and size. The caller decides the order.
 */
public final class ModuleWriter {
  private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

  private final ByteArrayOutputStream out;

  public ModuleWriter(int expectedSize) {
    out = new ByteArrayOutputStream(Math.max(64, expectedSize));
    out.write(HEADER, 0, HEADER.length);
  }

  /** Copies an input section byte-for-byte, header included. */
  public ModuleWriter copy(WasmModule module, Section section) {
    out.write(module.bytes(), section.start(), section.end() - section.start());
    return this;
  }

  /** Writes a section with new contents. */
  public ModuleWriter section(int id, byte[] content) {
    ByteWriter header = new ByteWriter(6).u8(id).u32(content.length);
    byte[] h = header.toByteArray();
    out.write(h, 0, h.length);
    out.write(content, 0, content.length);
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
