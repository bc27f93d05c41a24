package dev.wisex.bench;

import java.io.ByteArrayOutputStream;

/** Builds the synthetic modules the benchmarks feed to wisex, byte by byte. */
final class WasmBytes {
  private static final int TYPE = 1;
  private static final int FUNCTION = 3;
  private static final int MEMORY = 5;
  private static final int EXPORT = 7;
  private static final int CODE = 10;

  private WasmBytes() {}

  /** A module with one memory of {@code pages} pages and an empty init export {@code init}. */
  static byte[] memoryModule(long pages) {
    return module(pages, 1, 0);
  }

  /**
   * A module with a one-page memory, an empty init export {@code init} and about {@code codeBytes}
   * bytes of code: functions of {@code i32.const; drop} pairs, a kilobyte each.
   */
  static byte[] codeModule(long codeBytes) {
    int pairsPerBody = 250;
    int functions = (int) Math.max(1, codeBytes / (pairsPerBody * 4L + 4));
    return module(1, functions, pairsPerBody);
  }

  private static byte[] module(long pages, int functions, int pairsPerBody) {
    Out out = new Out();
    out.bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
    out.section(TYPE, new Out().u32(1).bytes(0x60, 0x00, 0x00));
    Out funcs = new Out().u32(functions);
    for (int i = 0; i < functions; i++) {
      funcs.u32(0);
    }
    out.section(FUNCTION, funcs);
    out.section(MEMORY, new Out().u32(1).bytes(0x00).u32(pages));
    out.section(EXPORT, new Out().u32(1).name("init").bytes(0x00).u32(0));
    Out code = new Out().u32(functions);
    Out body = new Out().u32(0);
    for (int k = 0; k < pairsPerBody; k++) {
      body.bytes(0x41).u32(1000 + k % 7000).bytes(0x1a); // i32.const (two-byte LEB), drop
    }
    body.bytes(0x0b);
    byte[] bodyBytes = body.toByteArray();
    for (int i = 0; i < functions; i++) {
      code.u32(bodyBytes.length).raw(bodyBytes);
    }
    out.section(CODE, code);
    return out.toByteArray();
  }

  private static final class Out extends ByteArrayOutputStream {
    Out bytes(int... values) {
      for (int v : values) {
        write(v);
      }
      return this;
    }

    Out raw(byte[] values) {
      write(values, 0, values.length);
      return this;
    }

    Out u32(long value) {
      long v = value;
      do {
        int b = (int) (v & 0x7f);
        v >>>= 7;
        write(v == 0 ? b : b | 0x80);
      } while (v != 0);
      return this;
    }

    Out name(String s) {
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return u32(b.length).raw(b);
    }

    Out section(int id, Out content) {
      write(id);
      u32(content.size());
      return raw(content.toByteArray());
    }
  }
}
