package dev.wisex.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a module section by section: unchanged sections are copied from the input's bytes as they
 * stand, rewritten ones are framed with their id and size. The caller decides the order. Sections
 * are gathered as references and copied once, into an array of the exact size, so a module with a
 * large data section is not copied again and again as a buffer grows.
 */
public final class ModuleWriter {
  private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

  private record Slice(byte[] bytes, int offset, int length) {}

  private final List<Slice> slices = new ArrayList<>();
  private long size;

  public ModuleWriter() {
    add(HEADER, 0, HEADER.length);
  }

  private void add(byte[] bytes, int offset, int length) {
    slices.add(new Slice(bytes, offset, length));
    size += length;
  }

  /** Copies an input section byte-for-byte, header included. */
  public ModuleWriter copy(WasmModule module, Section section) {
    add(module.bytes(), section.start(), section.end() - section.start());
    return this;
  }

  /** Writes a section with new contents ({@code content} is not copied until the end). */
  public ModuleWriter section(int id, byte[] content) {
    byte[] header = new ByteWriter(6).u8(id).u32(content.length).toByteArray();
    add(header, 0, header.length);
    add(content, 0, content.length);
    return this;
  }

  public byte[] toByteArray() {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a module of " + size + " bytes cannot be written");
    }
    byte[] out = new byte[(int) size];
    int at = 0;
    for (Slice s : slices) {
      System.arraycopy(s.bytes(), s.offset(), out, at, s.length());
      at += s.length();
    }
    return out;
  }
}
