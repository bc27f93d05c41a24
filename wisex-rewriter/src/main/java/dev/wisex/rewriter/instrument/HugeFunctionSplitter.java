package dev.wisex.rewriter.instrument;

import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.Interruption;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.write.ModuleAssembler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Splits the functions of the module init runs in whose code is too large for the engine to compile
 * well: a JVM backend that turns each Wasm function into one JVM method leaves a method of more
 * than 8,000 bytes of bytecode to HotSpot's bytecode interpreter. Only the module init runs
 * changes; the output is built from the input, so it is byte-identical either way.
 */
public final class HugeFunctionSplitter {
  private static final Logger LOG = LogManager.getLogger(HugeFunctionSplitter.class);

  /** Bytes of Wasm code below which a run of statements is not worth a call. */
  private static final int MIN_PIECE_BYTES = 64;

  /** JVM argument slots a piece may take, under the JVM's 255 with room for an engine's own. */
  private static final int MAX_PARAMETER_SLOTS = 200;

  /**
   * Branches out of a piece to distinct labels: a switch's dispatch branches to every case, and a
   * piece holding it would hand each case back through a code (measured slower on quickjs).
   */
  private static final int MAX_EXITS = 4;

  private HugeFunctionSplitter() {}

  /**
   * The module with every function body larger than {@code largestBytes} split, or {@code module}'s
   * own bytes (the same array) if none is. Bytes, not a parsed module: the engine parses them next.
   * The pieces are smaller still ({@link #pieceBytes}): a small piece is compiled sooner, and a
   * switch's cases land in pieces of their own.
   */
  public static byte[] apply(WasmModule module, int largestBytes) {
    int piece = pieceBytes(largestBytes);
    return apply(
        module,
        largestBytes,
        new FunctionSplitter.Limits(piece, piece, MIN_PIECE_BYTES, MAX_PARAMETER_SLOTS, MAX_EXITS));
  }

  /**
   * {@link #apply(WasmModule, int)} of a module's bytes, parsed here: a caller that may not need
   * the split (it remembers it) parses nothing.
   */
  public static byte[] apply(byte[] module, int largestBytes) {
    return apply(ModuleParser.parse(module), largestBytes);
  }

  /** The size pieces aim at when no function may exceed {@code largestBytes}. */
  static int pieceBytes(int largestBytes) {
    return Math.max(MIN_PIECE_BYTES, largestBytes / 5 * 2);
  }

  static byte[] apply(WasmModule module, FunctionSplitter.Limits limits) {
    return apply(module, limits.blockBytes(), limits);
  }

  private static byte[] apply(
      WasmModule module, long largestBytes, FunctionSplitter.Limits limits) {
    AppendedFunctions appended = new AppendedFunctions(module);
    FunctionSplitter splitter = new FunctionSplitter(module, limits, appended::nextIndex);
    Map<Integer, byte[]> split = new HashMap<>();
    int pieces = 0;
    List<FunctionBody> bodies = module.bodies();
    for (int i = 0; i < bodies.size(); i++) {
      if ((i & 0xFF) == 0) {
        Interruption.check();
      }
      FunctionBody body = bodies.get(i);
      if (body.end() - body.start() <= largestBytes) {
        continue;
      }
      byte[] replaced = splitter.split(i);
      if (replaced != null) {
        split.put(i, replaced);
        for (FunctionSplitter.Piece piece : splitter.pieces()) {
          appended.add(piece.type(), piece.body());
          pieces++;
        }
      }
    }
    if (split.isEmpty()) {
      return module.bytes();
    }
    Map<Integer, byte[]> contents = new HashMap<>();
    appended.putSections(contents);
    contents.put(
        Section.CODE,
        CodeEditor.codeSection(
            module,
            i -> {
              byte[] replaced = split.get(i);
              FunctionBody body = bodies.get(i);
              return replaced == null
                  ? List.of()
                  : List.of(new CodeEditor.Edit(body.start(), body.end(), replaced));
            },
            appended.bodies()));
    LOG.debug("{} huge functions split into {} more", split.size(), pieces);
    return ModuleAssembler.assemble(module, contents, Set.of());
  }
}
