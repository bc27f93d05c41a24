package dev.wisex.parser.write;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.Section;
import dev.wisex.parser.SectionBody;
import dev.wisex.parser.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a module section by section: unchanged sections are copied from the input's bytes as they
 * stand, rewritten ones are framed with their id and size. The caller decides the order. Sections
 * are gathered as references and written once, into an array of the exact size that is known before
 * it is allocated ({@link #size()}), so a module with a large data section is neither copied again
 * and again as a buffer grows nor held twice.
 */
public final class ModuleWriter {
  /** The largest module this writer produces: the largest array the JVM reliably allocates. */
  public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

  private final List<SectionBody> pieces = new ArrayList<>();
  private long size;

  public ModuleWriter() {
    add(SectionBody.of(HEADER));
  }

  private void add(SectionBody piece) {
    pieces.add(piece);
    size += piece.length();
  }

  /** Copies an input section byte-for-byte, header included. */
  public ModuleWriter copy(WasmModule module, Section section) {
    add(SectionBody.slice(module.bytes(), section.start(), section.end() - section.start()));
    return this;
  }

  /** Writes a section with new contents ({@code content} is not copied until the end). */
  public ModuleWriter section(int id, byte[] content) {
    return section(id, SectionBody.of(content));
  }

  /**
   * Writes a section whose contents are written into the output only by {@link #toByteArray}. A
   * body longer than a section can declare makes the module larger than {@link #MAX_BYTES} anyway,
   * so its size prefix is never written.
   */
  public ModuleWriter section(int id, SectionBody body) {
    add(SectionBody.of(new ByteWriter(11).u8(id).u64(body.length()).toByteArray()));
    add(body);
    return this;
  }

  /** The exact size of the module {@link #toByteArray} returns. */
  public long size() {
    return size;
  }

  /**
   * The module in one array of exactly {@link #size()} bytes.
   *
   * @throws IllegalStateException if the module is larger than {@link #MAX_BYTES}; callers that can
   *     say why it is so large check {@link #size()} first
   */
  public byte[] toByteArray() {
    if (size > MAX_BYTES) {
      throw new IllegalStateException(
          "a module of " + size + " bytes cannot be written (at most " + MAX_BYTES + ")");
    }
    byte[] out = new byte[(int) size];
    int at = 0;
    for (SectionBody piece : pieces) {
      piece.writeTo(out, at);
      at += (int) piece.length();
    }
    return out;
  }
}
