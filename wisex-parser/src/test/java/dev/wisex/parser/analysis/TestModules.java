package dev.wisex.parser.analysis;

import java.io.ByteArrayOutputStream;

/**
 * Builds tiny modules byte by byte, for encodings the bundled wat2wasm cannot produce (newer
 * proposals, malformed bodies). Every function has type {@code (func)}; the scanner never checks
 * types, so bodies are free to use any instructions.
 */
final class TestModules {
  private TestModules() {}

  /**
   * A body from raw bytes: pass the local declarations and the instructions, final {@code end}
   * included.
   */
  static byte[] body(int... bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (byte) bytes[i];
    }
    return out;
  }

  /** A module with the given bodies and no imports. */
  static byte[] module(byte[]... bodies) {
    return module(0, 0, bodies);
  }

  /**
   * A module with {@code importedFunctions} imported functions ahead of the bodies, and {@code
   * passiveDataSegments} one-byte passive data segments (plus the data count section they need).
   */
  static byte[] module(int importedFunctions, int passiveDataSegments, byte[]... bodies) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
    section(out, 1, new byte[] {0x01, 0x60, 0x00, 0x00});
    if (importedFunctions > 0) {
      ByteArrayOutputStream imports = new ByteArrayOutputStream();
      leb(imports, importedFunctions);
      for (int i = 0; i < importedFunctions; i++) {
        imports.writeBytes(new byte[] {0x01, 'm', 0x01, 'f', 0x00, 0x00});
      }
      section(out, 2, imports.toByteArray());
    }
    ByteArrayOutputStream functions = new ByteArrayOutputStream();
    leb(functions, bodies.length);
    for (int i = 0; i < bodies.length; i++) {
      functions.write(0);
    }
    section(out, 3, functions.toByteArray());
    if (passiveDataSegments > 0) {
      ByteArrayOutputStream count = new ByteArrayOutputStream();
      leb(count, passiveDataSegments);
      section(out, 12, count.toByteArray());
    }
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    leb(code, bodies.length);
    for (byte[] body : bodies) {
      leb(code, body.length);
      code.writeBytes(body);
    }
    section(out, 10, code.toByteArray());
    if (passiveDataSegments > 0) {
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      leb(data, passiveDataSegments);
      for (int i = 0; i < passiveDataSegments; i++) {
        data.writeBytes(new byte[] {0x01, 0x01, 'x'});
      }
      section(out, 11, data.toByteArray());
    }
    return out.toByteArray();
  }

  /** Unsigned LEB128. */
  static void leb(ByteArrayOutputStream out, long value) {
    do {
      int b = (int) (value & 0x7F);
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] contents) {
    out.write(id);
    leb(out, contents.length);
    out.writeBytes(contents);
  }
}
