package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.LocalDeclarations;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.rewriter.names.ReservedNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Bounds what recursion through functions with large frames can hold. Both engines keep a frame's
 * locals on the Java heap (GraalWasm always, Chicory where it interprets), and the init thread's
 * stack allows some 10^5 frames: a function of 20,000 {@code i64} locals that recursed without end
 * filled memory for minutes, where Wizer (wasmtime's 512 KiB stack) stops it in a fraction of a
 * second. Each function whose locals take {@link #LARGE_FRAME_BYTES} or more is run through a
 * wrapper at its own index that adds its locals' bytes to a global, traps past {@link
 * #LIMIT_BYTES}, calls the original body (moved to an appended function) and subtracts them again;
 * the runner names the trap "call stack exhausted". Smaller frames are left alone (no cost), as the
 * stack bounds them. Only the module init runs in is changed.
 */
public final class FrameBudget {
  private static final Logger LOG = LogManager.getLogger(FrameBudget.class);

  /** The frames counted: locals (parameters included) of at least 4 KiB. */
  static final long LARGE_FRAME_BYTES = 4096;

  /**
   * What the counted frames may hold at once: 512 times the native stack wasmtime gives Wizer's
   * init, so no module that Wizer runs trips it.
   */
  public static final long LIMIT_BYTES = 256L << 20;

  private FrameBudget() {}

  /**
   * {@code limited} with each of the first {@code functions} defined functions whose frame is large
   * wrapped; unchanged when none is.
   */
  public static LimitedModule apply(LimitedModule limited, WasmModule before, int functions) {
    // The metering adds no locals: the frames are read from the module before it, parsed already,
    // and the metered one is parsed only when a frame is large.
    Map<Integer, Long> large = largeFrames(before, functions);
    if (large.isEmpty()) {
      return limited;
    }
    WasmModule module = ModuleParser.parse(limited.bytes());
    int imported = module.importCount(ExternalKind.FUNCTION);
    int counter = module.importCount(ExternalKind.GLOBAL) + module.globals().size();
    AppendedFunctions appended = new AppendedFunctions(module);
    Map<Integer, byte[]> wrappers = new HashMap<>();
    for (int i = 0; i < module.bodies().size(); i++) {
      Long bytes = large.get(i);
      if (bytes == null) {
        continue;
      }
      FunctionType type = module.functionType(imported + i);
      FunctionBody body = module.bodies().get(i);
      byte[] original = new byte[body.end() - body.start()];
      System.arraycopy(module.bytes(), body.start(), original, 0, original.length);
      int moved = appended.add(encode(type), original);
      wrappers.put(i, wrapper(type, moved, counter, bytes));
    }
    Map<Integer, byte[]> contents = new HashMap<>();
    appended.putSections(contents);
    contents.put(
        Section.GLOBAL,
        ModuleAssembler.appendToVector(
            module, Section.GLOBAL, 1, new byte[] {0x7E, 1, 0x42, 0, 0x0B}));
    contents.put(
        Section.EXPORT,
        ModuleAssembler.appendExports(
            module, List.of(new Export(ReservedNames.FRAME_BYTES, ExternalKind.GLOBAL, counter))));
    contents.put(
        Section.CODE,
        CodeEditor.codeSection(
            module,
            i -> {
              byte[] wrapper = wrappers.get(i);
              if (wrapper == null) {
                return List.of();
              }
              FunctionBody body = module.bodies().get(i);
              return List.of(new CodeEditor.Edit(body.start(), body.end(), wrapper));
            },
            appended.bodies()));
    LOG.debug("frame budget: {} functions with large frames wrapped", large.size());
    return limited.withFrameBudget(ModuleAssembler.assemble(module, contents, Set.of()));
  }

  /** The first {@code functions} defined functions whose frames are large, with their bytes. */
  static Map<Integer, Long> largeFrames(WasmModule module, int functions) {
    int imported = module.importCount(ExternalKind.FUNCTION);
    Map<Integer, Long> large = new HashMap<>();
    for (int i = 0; i < functions && i < module.bodies().size(); i++) {
      long bytes = frameBytes(module, imported + i, module.bodies().get(i));
      if (bytes >= LARGE_FRAME_BYTES) {
        large.put(i, bytes);
      }
    }
    return large;
  }

  /** 8 bytes for each parameter and local of function {@code index}, whose body is {@code body}. */
  static long frameBytes(WasmModule module, int index, FunctionBody body) {
    return 8 * (module.functionType(index).params().size() + LocalDeclarations.count(module, body));
  }

  private static byte[] encode(FunctionType type) {
    ByteWriter out = new ByteWriter(8).u8(0x60).u32(type.params().size());
    type.params().forEach(p -> out.u8(p.code()));
    out.u32(type.results().size());
    type.results().forEach(r -> out.u8(r.code()));
    return out.toByteArray();
  }

  /**
   * No locals; counts the frame in, traps past the limit, calls {@code moved} with the parameters,
   * counts it out and returns its results.
   */
  private static byte[] wrapper(FunctionType type, int moved, int counter, long bytes) {
    ByteWriter code = new ByteWriter(48).u8(0); // no locals
    code.u8(0x23).u32(counter).u8(0x42).s64(bytes).u8(0x7C).u8(0x24).u32(counter);
    code.u8(0x23).u32(counter).u8(0x42).s64(LIMIT_BYTES).u8(0x56); // i64.gt_u
    code.u8(0x04).u8(0x40).u8(0x00).u8(0x0B); // if unreachable end
    List<ValueType> params = type.params();
    for (int p = 0; p < params.size(); p++) {
      code.u8(0x20).u32(p);
    }
    code.u8(0x10).u32(moved);
    code.u8(0x23).u32(counter).u8(0x42).s64(bytes).u8(0x7D).u8(0x24).u32(counter);
    return code.u8(0x0B).toByteArray();
  }
}
