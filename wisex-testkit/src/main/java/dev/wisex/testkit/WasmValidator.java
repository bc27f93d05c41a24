package dev.wisex.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Validates a Wasm binary with wabt (its binary reader and validator, compiled to Java), a second
 * opinion next to the engines: an engine may accept what {@code wasm-validate} and other tools
 * refuse. wabt reads a binary embedded in text without its {@code name} section, so the one rule
 * that section adds ({@code wasm-validate}: "Data section can not occur after Name section") is
 * checked here, along with the order of the known sections.
 */
public final class WasmValidator {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Section ids in the binary format's order (data count before code, tag before global). */
  private static final List<Integer> ORDER = List.of(1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11);

  private WasmValidator() {}

  /**
   * Throws with wabt's message if {@code wasm} is not a valid module (every proposal enabled), or
   * if a known section follows the {@code name} section or another known section it must precede.
   *
   * @throws AssertionError naming the complaint
   */
  public static void validate(byte[] wasm) {
    checkSectionOrder(wasm);
    StringBuilder wat = new StringBuilder(wasm.length * 3 + 20).append("(module binary \"");
    for (byte b : wasm) {
      wat.append('\\').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
    wat.append("\")");
    try {
      Wat.assemble(wat.toString());
    } catch (IllegalArgumentException e) {
      throw new AssertionError("wabt refuses the module: " + e.getMessage(), e);
    }
  }

  private static void checkSectionOrder(byte[] wasm) {
    int at = 8;
    int last = -1;
    boolean afterName = false;
    while (at < wasm.length) {
      int id = wasm[at++] & 0xFF;
      long size = 0;
      int shift = 0;
      int b;
      do {
        b = wasm[at++] & 0xFF;
        size |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      int content = at;
      at = Math.toIntExact(content + size);
      if (id == 0) {
        int nameLength = wasm[content] & 0xFF; // every name this check cares about is < 128 bytes
        String name = new String(wasm, content + 1, nameLength, StandardCharsets.UTF_8);
        afterName |= name.equals("name");
        continue;
      }
      if (afterName) {
        throw new AssertionError("section " + id + " can not occur after the name section");
      }
      int order = ORDER.indexOf(id);
      if (order <= last) {
        throw new AssertionError("section " + id + " is out of order");
      }
      last = order;
    }
  }
}
