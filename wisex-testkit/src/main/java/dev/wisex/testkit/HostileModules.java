package dev.wisex.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Valid modules with huge counts, encoded directly (assembling their WAT would take longer than the
 * run under test): each has a {@code wizex.initialize} that does nothing, so every stage but init
 * sees the full size. Issue 18 found stages quadratic in such counts.
 */
public final class HostileModules {
  private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
  private static final String INIT = "wizex.initialize";

  /** The size of {@link #code}'s init body: no locals, i32.const 42, global.set 0, end. */
  public static final int INIT_BODY_BYTES = 6;

  private HostileModules() {}

  /** {@code n} exports of the init function besides {@code wizex.initialize}. */
  public static byte[] exports(int n) {
    Leb exports = new Leb().u32(n + 1).name(INIT).u8(0).u32(0);
    for (int i = 0; i < n; i++) {
      exports.name("e" + i).u8(0).u32(0);
    }
    return module(1, new Leb().u32(1).u8(0x60).u8(0).u8(0), null, exports, emptyBody());
  }

  /** {@code n} mutable {@code i32} globals, each initialized to its index. */
  public static byte[] mutableGlobals(int n) {
    Leb globals = new Leb().u32(n);
    for (int i = 0; i < n; i++) {
      globals.u8(0x7F).u8(1).u8(0x41).s32(i).u8(0x0B);
    }
    return module(
        1,
        new Leb().u32(1).u8(0x60).u8(0).u8(0),
        globals,
        new Leb().u32(1).name(INIT).u8(0).u32(0),
        emptyBody());
  }

  /** {@code n} distinct function types {@code (param i32 ...)} of up to 8 params and results. */
  public static byte[] types(int n) {
    Leb types = new Leb().u32(n);
    types.u8(0x60).u8(0).u8(0); // type 0: () -> (), the init function's
    for (int i = 1; i < n; i++) {
      int params = i % 9;
      int results = (i / 9) % 9;
      types.u8(0x60).u32(params);
      for (int p = 0; p < params; p++) {
        types.u8(0x7F - ((i / 81 + p) % 4)); // i32, i64, f32, f64
      }
      types.u32(results);
      for (int r = 0; r < results; r++) {
        types.u8(0x7F);
      }
    }
    return module(1, types, null, new Leb().u32(1).name(INIT).u8(0).u32(0), emptyBody());
  }

  /** An init function holding one {@code br_table} with {@code n} targets, all to its block. */
  public static byte[] brTable(int n) {
    Leb code = new Leb().u8(0); // no locals
    code.u8(0x02).u8(0x40); // block
    code.u8(0x41).u8(0); // i32.const 0
    code.u8(0x0E).u32(n); // br_table n targets
    for (int i = 0; i < n; i++) {
      code.u8(0);
    }
    code.u8(0).u8(0x0B).u8(0x0B); // default 0; end block; end function
    return module(
        1,
        new Leb().u32(1).u8(0x60).u8(0).u8(0),
        null,
        new Leb().u32(1).name(INIT).u8(0).u32(0),
        new Leb().u32(1).u32(code.size()).bytes(code));
  }

  /**
   * A {@code br_table} of {@code n} targets that dispatches: the export {@code dispatch} (param
   * i32) (result i32) returns 10 + (i mod 4) for an index i below n and 13 (the default) otherwise.
   */
  public static byte[] brTableDispatch(int n) {
    Leb code = new Leb().u8(0); // no locals
    for (int i = 0; i < 4; i++) {
      code.u8(0x02).u8(0x40); // block
    }
    code.u8(0x20).u8(0); // local.get 0
    code.u8(0x0E).u32(n); // br_table
    for (int i = 0; i < n; i++) {
      code.u8(i % 4);
    }
    code.u8(3); // default: the outermost block
    for (int i = 0; i < 4; i++) {
      code.u8(0x0B).u8(0x41).u8(10 + i).u8(0x0F); // end; i32.const 10+i; return
    }
    code.u8(0x0B);
    Leb types = new Leb().u32(2).u8(0x60).u8(0).u8(0).u8(0x60).u8(1).u8(0x7F).u8(1).u8(0x7F);
    Leb module = new Leb().bytes(HEADER);
    section(module, 1, types);
    section(module, 3, new Leb().u32(2).u32(0).u32(1));
    section(module, 7, new Leb().u32(2).name(INIT).u8(0).u32(0).name("dispatch").u8(0).u32(1));
    Leb bodies = new Leb().u32(2).u32(2).u8(0).u8(0x0B);
    section(module, 10, bodies.u32(code.size()).bytes(code));
    return module.out.toByteArray();
  }

  /**
   * An init function of {@code depth} nested {@code block}s, {@code loop}s and {@code if}s in turn
   * (each {@code if} on {@code i32.const 1}), closed by as many {@code end}s: deep nesting, which a
   * recursive decoder, validator or compiler would overflow its stack on.
   */
  public static byte[] nestedBlocks(int depth) {
    Leb code = new Leb().u8(0); // no locals
    for (int i = 0; i < depth; i++) {
      switch (i % 3) {
        case 0 -> code.u8(0x02).u8(0x40); // block
        case 1 -> code.u8(0x03).u8(0x40); // loop
        default -> code.u8(0x41).u8(1).u8(0x04).u8(0x40); // i32.const 1; if
      }
    }
    for (int i = 0; i <= depth; i++) {
      code.u8(0x0B);
    }
    return module(
        1,
        new Leb().u32(1).u8(0x60).u8(0).u8(0),
        null,
        new Leb().u32(1).name(INIT).u8(0).u32(0),
        new Leb().u32(1).u32(code.size()).bytes(code));
  }

  /**
   * An init function that pushes {@code n} {@code i32.const 1}s and adds them up ({@code n - 1}
   * {@code i32.add}s, then {@code drop}): an operand stack {@code n} deep.
   */
  public static byte[] deepOperandStack(int n) {
    Leb code = new Leb().u8(0); // no locals
    for (int i = 0; i < n; i++) {
      code.u8(0x41).u8(1);
    }
    for (int i = 1; i < n; i++) {
      code.u8(0x6A);
    }
    code.u8(0x1A).u8(0x0B); // drop; end
    return module(
        1,
        new Leb().u32(1).u8(0x60).u8(0).u8(0),
        null,
        new Leb().u32(1).name(INIT).u8(0).u32(0),
        new Leb().u32(1).u32(code.size()).bytes(code));
  }

  /** A module that does nothing in init, followed by a custom section of {@code bytes} zeros. */
  public static byte[] hugeCustomSection(int bytes) {
    byte[] empty =
        module(
            1,
            new Leb().u32(1).u8(0x60).u8(0).u8(0),
            null,
            new Leb().u32(1).name(INIT).u8(0).u32(0),
            emptyBody());
    Leb module = new Leb().bytes(empty);
    section(module, 0, new Leb().name("huge").bytes(new byte[bytes]));
    return module.out.toByteArray();
  }

  /** {@code n} memories of 0 pages (multi-memory) and an init function that does nothing. */
  public static byte[] memories(int n) {
    Leb memories = new Leb().u32(n);
    for (int i = 0; i < n; i++) {
      memories.u8(0).u8(0); // no maximum, 0 pages
    }
    Leb module = new Leb().bytes(HEADER);
    section(module, 1, new Leb().u32(1).u8(0x60).u8(0).u8(0));
    section(module, 3, new Leb().u32(1).u32(0));
    section(module, 5, memories);
    section(module, 7, new Leb().u32(1).name(INIT).u8(0).u32(0));
    section(module, 10, emptyBody());
    return module.out.toByteArray();
  }

  /**
   * {@code functions} functions: the first, {@code wizex.initialize}, sets the mutable {@code i32}
   * global 0 to 42 (a body of {@link #INIT_BODY_BYTES} bytes); each other one is {@code nop}s
   * filling a body of exactly {@code bodyBytes} bytes (at least 2: a local declaration count and
   * {@code end}). Their total is the module's code size, for tests of what code size decides.
   */
  public static byte[] code(int functions, int bodyBytes) {
    if (functions < 1 || bodyBytes < 2) {
      throw new IllegalArgumentException(functions + " functions of " + bodyBytes + " bytes");
    }
    Leb code = new Leb().u32(functions);
    Leb init = new Leb().u8(0).u8(0x41).s32(42).u8(0x24).u32(0).u8(0x0B);
    code.u32(init.size()).bytes(init);
    byte[] filler = new byte[bodyBytes];
    java.util.Arrays.fill(filler, (byte) 0x01); // nop
    filler[0] = 0; // no locals
    filler[bodyBytes - 1] = 0x0B; // end
    for (int i = 1; i < functions; i++) {
      code.u32(bodyBytes).bytes(filler);
    }
    return module(
        functions,
        new Leb().u32(1).u8(0x60).u8(0).u8(0),
        new Leb().u32(1).u8(0x7F).u8(1).u8(0x41).s32(0).u8(0x0B),
        new Leb().u32(1).name(INIT).u8(0).u32(0),
        code);
  }

  private static Leb emptyBody() {
    return new Leb().u32(1).u32(2).u8(0).u8(0x0B);
  }

  private static byte[] module(int functions, Leb types, Leb globals, Leb exports, Leb code) {
    Leb module = new Leb().bytes(HEADER);
    section(module, 1, types);
    Leb funcs = new Leb().u32(functions);
    for (int i = 0; i < functions; i++) {
      funcs.u32(0);
    }
    section(module, 3, funcs);
    if (globals != null) {
      section(module, 6, globals);
    }
    section(module, 7, exports);
    section(module, 10, code);
    return module.out.toByteArray();
  }

  private static void section(Leb module, int id, Leb content) {
    module.u8(id).u32(content.size()).bytes(content);
  }

  /** A growing buffer with the binary format's LEB128 encodings. */
  private static final class Leb {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Leb u8(int b) {
      out.write(b);
      return this;
    }

    Leb u32(long value) {
      do {
        int b = (int) (value & 0x7F);
        value >>>= 7;
        out.write(value != 0 ? b | 0x80 : b);
      } while (value != 0);
      return this;
    }

    Leb s32(int value) {
      while (true) {
        int b = value & 0x7F;
        value >>= 7;
        boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
        out.write(done ? b : b | 0x80);
        if (done) {
          return this;
        }
      }
    }

    Leb name(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      return u32(b.length).bytes(b);
    }

    Leb bytes(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    Leb bytes(Leb other) {
      return bytes(other.out.toByteArray());
    }

    int size() {
      return out.size();
    }
  }
}
