package dev.wisex.testkit;

import java.io.ByteArrayOutputStream;

/**
 * A module using the standardized exception handling ({@code try_table}), encoded by hand: the wabt
 * build in wisex-testkit predates {@code try_table} and assembles only the legacy {@code try},
 * which Chicory rejects.
 *
 * <pre>
 * (module
 *   (tag $e (param i32))
 *   (func $throw (param i32) local.get 0 throw $e)
 *   (func (export "catch") (param i32) (result i32)
 *     (block $handler (result i32)
 *       (try_table (catch $e $handler) (call $throw (local.get 0)))
 *       i32.const -1))
 *   (func (export "uncaught") (call $throw (i32.const 9))))
 * </pre>
 */
public final class ExceptionsModule {
  private static final int I32 = 0x7F;
  private static final int END = 0x0B;

  private ExceptionsModule() {}

  public static byte[] bytes() {
    ByteArrayOutputStream module = new ByteArrayOutputStream();
    module.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
    section(
        module, 1, 3, 0x60, 1, I32, 0, // type 0: (i32) -> ()
        0x60, 1, I32, 1, I32, // type 1: (i32) -> (i32)
        0x60, 0, 0); // type 2: () -> ()
    section(module, 3, 3, 0, 1, 2);
    section(module, 13, 1, 0x00, 0); // tag 0: exception attribute, type 0
    section(
        module, 7, 2, 5, 'c', 'a', 't', 'c', 'h', 0x00, 1, 8, 'u', 'n', 'c', 'a', 'u', 'g', 'h',
        't', 0x00, 2);
    section(
        module,
        10,
        concat(
            new int[] {3},
            body(0x20, 0, 0x08, 0, END), // local.get 0; throw 0
            body(
                0x02, I32, // block (result i32)
                0x1F, 0x40, 1, 0x00, 0, 0, // try_table, one `catch tag 0 -> label 0` (the block)
                0x20, 0, 0x10, 0, END, // local.get 0; call 0; end try_table
                0x41, 0x7F, END, END), // i32.const -1; end block; end function
            body(0x41, 9, 0x10, 0, END))); // i32.const 9; call 0
    return module.toByteArray();
  }

  private static void section(ByteArrayOutputStream module, int id, int... content) {
    module.write(id);
    module.write(content.length); // every section here is shorter than 128 bytes: one LEB128 byte
    for (int b : content) {
      module.write(b);
    }
  }

  private static int[] concat(int[]... parts) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (int[] part : parts) {
      for (int b : part) {
        joined.write(b);
      }
    }
    byte[] bytes = joined.toByteArray();
    int[] result = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      result[i] = bytes[i] & 0xFF;
    }
    return result;
  }

  private static int[] body(int... code) {
    int[] body = new int[code.length + 2];
    body[0] = code.length + 1; // size, counting the empty locals vector
    body[1] = 0;
    System.arraycopy(code, 0, body, 2, code.length);
    return body;
  }
}
