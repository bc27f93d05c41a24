package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.SelfTailCalls;
import dev.wisex.parser.write.ModuleAssembler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Turns each function's tail calls to itself into a loop in the module init runs (never the
 * output), because engines that do not implement tail calls in constant stack exhaust it after a
 * million iterations of a {@code return_call} loop. Before/after:
 *
 * <pre>
 * (func $f (param $n i64) (result i64) (local $t i32)
 *   ... (return_call $f (local.get $x)) ...)
 * ;; becomes
 * (func $f (param $n i64) (result i64) (local $t i32)
 *   (loop $again (result i64)
 *     (block (result i64)
 *       ... (local.set $n (local.get $x)) (local.set $t (i32.const 0)) (br $again) ...)))
 * </pre>
 *
 * The block keeps every branch to the function's label meaning "return". A call's arguments go to
 * the parameters and every other local is zeroed, as a new call would find them. Functions with
 * more than one result or a local without a plain zero value (typed references) are left alone.
 */
public final class TailCallLoops {
  private static final Logger LOG = LogManager.getLogger(TailCallLoops.class);
  private static final int MAX_LOCALS = 10_000;

  private TailCallLoops() {}

  /**
   * The module with its self tail calls as loops (parsed once, for the next pass), or {@code
   * module} itself if it has none.
   */
  public static WasmModule apply(WasmModule module) {
    byte[] bytes = module.bytes();
    SelfTailCalls calls = SelfTailCalls.of(module);
    if (calls.bodies().isEmpty()) {
      return module;
    }
    Map<Integer, byte[]> rewritten = new HashMap<>();
    int imported = module.importCount(ExternalKind.FUNCTION);
    for (SelfTailCalls.Body body : calls.bodies()) {
      FunctionType type = module.functionType(imported + body.function());
      byte[] loop = loop(module, module.bodies().get(body.function()), type, body);
      if (loop != null) {
        rewritten.put(body.function(), loop);
      }
    }
    if (rewritten.isEmpty()) {
      return module;
    }
    List<FunctionBody> bodies = module.bodies();
    ByteWriter code = new ByteWriter(bytes.length);
    code.u32(bodies.size());
    for (int i = 0; i < bodies.size(); i++) {
      FunctionBody b = bodies.get(i);
      byte[] replacement = rewritten.get(i);
      if (replacement != null) {
        code.u32(replacement.length).bytes(replacement);
      } else {
        code.u32(b.end() - b.start()).bytes(bytes, b.start(), b.end() - b.start());
      }
    }
    LOG.debug("{} functions' self tail calls run as loops", rewritten.size());
    return ModuleParser.parse(
        ModuleAssembler.assemble(module, Map.of(Section.CODE, code.toByteArray()), Set.of()));
  }

  /** The body as a loop, or {@code null} if this pass leaves it alone. */
  private static byte[] loop(
      WasmModule module, FunctionBody body, FunctionType type, SelfTailCalls.Body calls) {
    if (type.results().size() > 1) {
      return null;
    }
    byte[] in = module.bytes();
    ByteWriter zeroLocals = zeroLocals(in, body.start(), calls.codeStart(), type.params().size());
    if (zeroLocals == null) {
      return null;
    }
    int blockType = type.results().isEmpty() ? 0x40 : simpleCode(type.results().get(0));
    if (blockType < 0) {
      return null;
    }
    byte[] zero = zeroLocals.toByteArray();
    ByteWriter out = new ByteWriter(body.end() - body.start() + 16);
    out.bytes(in, body.start(), calls.codeStart() - body.start()); // local declarations
    out.u8(0x03).u8(blockType); // loop
    out.u8(0x02).u8(blockType); // block
    int copied = calls.codeStart();
    for (SelfTailCalls.Call call : calls.calls()) {
      out.bytes(in, copied, call.start() - copied);
      for (int p = type.params().size() - 1; p >= 0; p--) {
        out.u8(0x21).u32(p); // local.set p
      }
      out.bytes(zero);
      out.u8(0x0C).u32(call.depth() + 1); // br to the loop, past the block
      copied = call.end();
    }
    out.bytes(in, copied, body.end() - 1 - copied); // up to, not including, the final end
    out.u8(0x0B).u8(0x0B).u8(0x0B); // end block, end loop, end function
    return out.toByteArray();
  }

  /** Code setting every declared local to its zero value, or null if one has none here. */
  private static ByteWriter zeroLocals(byte[] in, int start, int codeStart, int params) {
    ByteReader locals = new ByteReader(in, start, codeStart);
    int groups = locals.u32Length("local declaration count");
    ByteWriter out = new ByteWriter();
    long index = params;
    for (int g = 0; g < groups; g++) {
      long count = Integer.toUnsignedLong(locals.u32("local count"));
      int code = locals.u8("local type");
      if (index + count - params > MAX_LOCALS || !zeroable(code)) {
        return null;
      }
      for (long k = 0; k < count; k++, index++) {
        zero(out, code);
        out.u8(0x21).u32((int) index);
      }
    }
    return out;
  }

  private static boolean zeroable(int code) {
    return code >= 0x7B && code <= 0x7F || code == 0x70 || code == 0x6F;
  }

  private static void zero(ByteWriter out, int code) {
    switch (code) {
      case 0x7F -> out.u8(0x41).u8(0); // i32.const 0
      case 0x7E -> out.u8(0x42).u8(0); // i64.const 0
      case 0x7D -> out.u8(0x43).bytes(new byte[4]); // f32.const +0
      case 0x7C -> out.u8(0x44).bytes(new byte[8]); // f64.const +0
      case 0x7B -> out.u8(0xFD).u32(12).bytes(new byte[16]); // v128.const 0
      default -> out.u8(0xD0).u8(code); // ref.null funcref / externref
    }
  }

  /** The one-byte block type of a result, or -1 if it has none. */
  private static int simpleCode(ValueType type) {
    return switch (type) {
      case I32 -> 0x7F;
      case I64 -> 0x7E;
      case F32 -> 0x7D;
      case F64 -> 0x7C;
      case V128 -> 0x7B;
      case FUNCREF -> 0x70;
      case EXTERNREF -> 0x6F;
      default -> -1;
    };
  }
}
