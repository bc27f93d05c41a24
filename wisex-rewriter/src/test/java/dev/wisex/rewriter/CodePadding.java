package dev.wisex.rewriter;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import java.util.Arrays;

/**
 * Appends functions nothing calls to a module, to give a small test module the code size of a large
 * one: each a body of exactly {@code bodyBytes} bytes of {@code nop}s, of the module's first {@code
 * () -> ()} type. Existing function indices do not move.
 */
final class CodePadding {
  private CodePadding() {}

  static byte[] pad(byte[] module, int functions, int bodyBytes) {
    WasmModule parsed = ModuleParser.parse(module);
    int type = parsed.types().indexOf(new FunctionType(java.util.List.of(), java.util.List.of()));
    if (type < 0) {
      throw new IllegalArgumentException("the module has no () -> () type");
    }
    byte[] body = new byte[bodyBytes];
    Arrays.fill(body, (byte) 0x01); // nop
    body[0] = 0; // no locals
    body[bodyBytes - 1] = 0x0B; // end
    ByteWriter out = new ByteWriter().bytes(module, 0, 8);
    for (Section s : parsed.sections()) {
      if (s.id() == Section.FUNCTION || s.id() == Section.CODE) {
        ByteReader in = new ByteReader(module, s.contentStart(), s.end());
        int count = in.u32("count");
        ByteWriter content = new ByteWriter().u32(count + functions);
        content.bytes(module, in.position(), s.end() - in.position());
        for (int i = 0; i < functions; i++) {
          if (s.id() == Section.FUNCTION) {
            content.u32(type);
          } else {
            content.u32(bodyBytes).bytes(body);
          }
        }
        out.u8(s.id()).u32(content.size()).bytes(content.toByteArray());
      } else {
        out.bytes(module, s.start(), s.end() - s.start());
      }
    }
    return out.toByteArray();
  }
}
