package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.Interruption;
import dev.wisex.parser.WasmModule;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Rewrites a module's code section by splicing byte ranges of its function bodies, the machinery
 * every pass that changes code shares ({@link LimitInstrumenter}, {@link ConformancePass}).
 */
final class CodeEditor {
  private CodeEditor() {}

  /**
   * Replaces {@code [start, end)} of the module's bytes with {@code replacement}; {@code start ==
   * end} inserts.
   */
  record Edit(int start, int end, byte[] replacement) {
    static Edit insert(int at, byte[] code) {
      return new Edit(at, at, code);
    }
  }

  /**
   * The contents of a new code section: each body with the edits {@code editsOf} returns for its
   * index (ascending and not overlapping; an insertion at a replacement's start goes first), then
   * {@code appended} bodies (each its locals and code, without the size prefix).
   */
  static byte[] codeSection(
      WasmModule module, IntFunction<List<Edit>> editsOf, List<byte[]> appended) {
    byte[] in = module.bytes();
    List<FunctionBody> bodies = module.bodies();
    ByteWriter out = new ByteWriter(in.length);
    out.u32(bodies.size() + appended.size());
    for (int i = 0; i < bodies.size(); i++) {
      if ((i & 0xFF) == 0) {
        Interruption.check(); // --timeout bounds the whole run
      }
      byte[] edited = edit(in, bodies.get(i), editsOf.apply(i));
      out.u32(edited.length).bytes(edited);
    }
    appended.forEach(b -> out.u32(b.length).bytes(b));
    return out.toByteArray();
  }

  private static byte[] edit(byte[] in, FunctionBody body, List<Edit> edits) {
    int added = 0;
    for (Edit e : edits) {
      added += e.replacement().length;
    }
    ByteWriter out = new ByteWriter(body.end() - body.start() + added);
    int copied = body.start();
    for (Edit e : edits) {
      out.bytes(in, copied, e.start() - copied).bytes(e.replacement());
      copied = e.end();
    }
    return out.bytes(in, copied, body.end() - copied).toByteArray();
  }
}
