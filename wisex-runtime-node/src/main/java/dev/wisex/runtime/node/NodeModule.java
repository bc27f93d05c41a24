package dev.wisex.runtime.node;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.Import;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.parser.write.ReservedExports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What this backend must know about a module before V8 sees it, and the bytes V8 runs.
 *
 * <p>Three things the JavaScript API cannot do are added as exports under reserved names. A host
 * function must receive its calling instance's memory 0, but the start function would run inside
 * {@code new WebAssembly.Instance}, before the host holds the instance: the start section goes and
 * its function is exported, to be called right after instantiation (the spec's order: segments
 * first, then start); memory 0 is exported when the module does not export it. And a value crossing
 * into JavaScript as a number loses the bits of a signalling NaN ({@code f32} widens to {@code
 * f64}): every exported {@code f32}/{@code f64} global gets a getter and every exported function
 * with a float in its signature a wrapper that carries the floats as integers of the same bits
 * ({@code reinterpret}), so that values cross exactly. Nothing else changes.
 */
final class NodeModule {
  private static final int F32_REINTERPRET_I32 = 0xBE;
  private static final int F64_REINTERPRET_I64 = 0xBF;
  private static final int I32_REINTERPRET_F32 = 0xBC;
  private static final int I64_REINTERPRET_F64 = 0xBD;
  private static final int I64X2_EXTRACT_LANE = 29;
  private static final int I64X2_REPLACE_LANE = 30;
  private static final int V128_CONST = 12;

  private final WasmModule module;
  private final Map<String, Export> exports = new HashMap<>();
  private final ReservedExports reserved;
  private final Map<String, String> exactCalls = new HashMap<>();
  private final Map<String, String> exactGlobals = new HashMap<>();
  private final byte[] prepared;
  private final String startExport;
  private final String memoryExport;

  private NodeModule(WasmModule module) {
    this.module = module;
    module.exports().forEach(e -> exports.put(e.name(), e));
    // What this backend does not claim is refused here, whatever the Node.js at hand would run
    // (Node 22 runs several memories and exception handling unflagged, 20 does not).
    List<MemoryType> memories = module.allMemories();
    if (memories.size() > 1) {
      throw unclaimed(memories.size() + " memories (multi-memory)", "graal");
    }
    for (MemoryType memory : memories) {
      if (memory.shared()) {
        throw unclaimed("a shared memory (the threads proposal)", "chicory");
      }
      if (memory.memory64()) {
        throw unclaimed("a 64-bit memory (memory64)", "graal");
      }
    }
    if (!module.tags().isEmpty()) {
      throw unclaimed("exception tags (exception handling)", "chicory");
    }
    for (Import imported : module.imports()) {
      if (imported.kind() == ExternalKind.MEMORY) {
        throw new InitFailedException(
            "module imports the memory `"
                + imported.qualifiedName()
                + "`, and runtime `"
                + NodeRuntime.NAME
                + "` links no memory imports; use --runtime chicory");
      }
    }
    ReservedExports added = new ReservedExports(module);
    this.reserved = added;
    this.startExport = added.start("__wisex_node_start");
    this.memoryExport = added.memoryZero("__wisex_node_memory0");
    Wrappers wrappers = new Wrappers();
    for (Export export : module.exports()) {
      if (export.kind() == ExternalKind.FUNCTION) {
        FunctionType type = module.functionType(export.index());
        if (needsWrapper(type.params()) || needsWrapper(type.results())) {
          String name = added.reserve("__wisex_node_call_" + export.name());
          exactCalls.put(export.name(), name);
          added.add(new Export(name, ExternalKind.FUNCTION, wrappers.call(export.index(), type)));
        }
      } else if (export.kind() == ExternalKind.GLOBAL) {
        ValueType type = globalType(export.index());
        if (type == ValueType.F32 || type == ValueType.F64 || type == ValueType.V128) {
          String name = added.reserve("__wisex_node_global_" + export.name());
          exactGlobals.put(export.name(), name);
          added.add(new Export(name, ExternalKind.FUNCTION, wrappers.getter(export.index(), type)));
        }
      }
    }
    this.prepared = added.assemble(wrappers.sections());
  }

  private static InitFailedException unclaimed(String what, String other) {
    return new InitFailedException(
        "the module has "
            + what
            + ", which runtime `"
            + NodeRuntime.NAME
            + "` does not run; use --runtime "
            + other);
  }

  /**
   * Reads a module for this backend.
   *
   * @throws InitFailedException if wisex's parser refuses it (V8 would too) or it needs what this
   *     backend does not run
   */
  static NodeModule read(byte[] bytes) {
    try {
      return new NodeModule(ModuleParser.parse(bytes));
    } catch (MalformedModuleException e) {
      throw new InitFailedException("the module cannot be loaded: " + e.getMessage(), e);
    }
  }

  byte[] prepared() {
    return prepared;
  }

  /** The reserved export that runs the start function, or {@code null} if the module has none. */
  String startExport() {
    return startExport;
  }

  /** An export of memory 0 (the module's own or a reserved one), or {@code null} without memory. */
  String memoryExport() {
    return memoryExport;
  }

  List<Import> imports() {
    return module.imports();
  }

  FunctionType type(int typeIndex) {
    return module.types().get(typeIndex);
  }

  /** The module's own export of this name, or {@code null}. */
  Export export(String name) {
    return reserved.isReserved(name) ? null : exports.get(name);
  }

  FunctionType functionType(int functionIndex) {
    return module.functionType(functionIndex);
  }

  ValueType globalType(int globalIndex) {
    List<Import> imported = module.imports(ExternalKind.GLOBAL);
    return globalIndex < imported.size()
        ? imported.get(globalIndex).global().valueType()
        : module.globals().get(globalIndex - imported.size()).type().valueType();
  }

  /** The export to call for {@code export}: its exact-bits wrapper where it has one. */
  String callTarget(String export) {
    return exactCalls.getOrDefault(export, export);
  }

  /**
   * The getter of a float or {@code v128} global's bits, or {@code null} for a global JavaScript
   * reads exactly.
   */
  String globalGetter(String export) {
    return exactGlobals.get(export);
  }

  /**
   * The types values of {@code types} cross JavaScript as: integers of the same width for floats,
   * two {@code i64} for a {@code v128} (which JavaScript cannot hold), every other type as it is.
   */
  static List<ValueType> exact(List<ValueType> types) {
    List<ValueType> exact = new ArrayList<>();
    for (ValueType type : types) {
      switch (type) {
        case F32 -> exact.add(ValueType.I32);
        case F64 -> exact.add(ValueType.I64);
        case V128 -> {
          exact.add(ValueType.I64);
          exact.add(ValueType.I64);
        }
        default -> exact.add(type);
      }
    }
    return exact;
  }

  private static boolean needsWrapper(List<ValueType> types) {
    return !exact(types).equals(types);
  }

  /** The functions appended to the module: their types, declarations and bodies. */
  private final class Wrappers {
    private final ByteWriter types = new ByteWriter();
    private final ByteWriter functions = new ByteWriter();
    private final ByteWriter bodies = new ByteWriter();
    private int count;
    private final int firstType = module.types().size();
    private final int firstFunction =
        module.importCount(ExternalKind.FUNCTION) + module.functionTypes().length;

    /**
     * A function taking and returning {@code type}'s values as {@link #exact} integers: each float
     * as the integer of its bits, each {@code v128} as its two 64-bit lanes, low first.
     */
    int call(int function, FunctionType type) {
      List<ValueType> params = type.params();
      List<ValueType> results = type.results();
      ByteWriter code = new ByteWriter();
      int local = 0;
      for (ValueType param : params) {
        if (param == ValueType.V128) {
          code.u8(0xFD).u32(V128_CONST).bytes(new byte[16]);
          code.u8(0x20).u32(local++).u8(0xFD).u32(I64X2_REPLACE_LANE).u8(0);
          code.u8(0x20).u32(local++).u8(0xFD).u32(I64X2_REPLACE_LANE).u8(1);
        } else {
          code.u8(0x20).u32(local++); // local.get
          if (param == ValueType.F32) {
            code.u8(F32_REINTERPRET_I32);
          } else if (param == ValueType.F64) {
            code.u8(F64_REINTERPRET_I64);
          }
        }
      }
      code.u8(0x10).u32(function); // call
      // Results leave the stack last first: keep them in locals, then push them converted.
      int first = local;
      for (int i = results.size() - 1; i >= 0; i--) {
        code.u8(0x21).u32(first + i); // local.set
      }
      for (int i = 0; i < results.size(); i++) {
        pushExact(code, first + i, results.get(i));
      }
      return add(new FunctionType(exact(params), exact(results)), results, code);
    }

    /**
     * A function returning a global's bits as integers: a float's as one of its width, a {@code
     * v128}'s (which JavaScript cannot hold) as its two 64-bit lanes, low first.
     */
    int getter(int global, ValueType type) {
      ByteWriter code = new ByteWriter();
      if (type == ValueType.V128) {
        for (int lane = 0; lane < 2; lane++) {
          code.u8(0x23).u32(global).u8(0xFD).u32(I64X2_EXTRACT_LANE).u8(lane);
        }
        return add(new FunctionType(List.of(), exact(List.of(type))), List.of(), code);
      }
      code.u8(0x23).u32(global); // global.get
      convertResult(code, type);
      return add(new FunctionType(List.of(), exact(List.of(type))), List.of(), code);
    }

    private void pushExact(ByteWriter code, int local, ValueType type) {
      if (type == ValueType.V128) {
        for (int lane = 0; lane < 2; lane++) {
          code.u8(0x20).u32(local).u8(0xFD).u32(I64X2_EXTRACT_LANE).u8(lane);
        }
        return;
      }
      code.u8(0x20).u32(local);
      convertResult(code, type);
    }

    private void convertResult(ByteWriter code, ValueType type) {
      if (type == ValueType.F32) {
        code.u8(I32_REINTERPRET_F32);
      } else if (type == ValueType.F64) {
        code.u8(I64_REINTERPRET_F64);
      }
    }

    private int add(FunctionType type, List<ValueType> locals, ByteWriter code) {
      types.u8(0x60).u32(type.params().size());
      type.params().forEach(t -> types.u8(t.code()));
      types.u32(type.results().size());
      type.results().forEach(t -> types.u8(t.code()));
      functions.u32(firstType + count);
      ByteWriter body = new ByteWriter().u32(locals.size());
      locals.forEach(t -> body.u32(1).u8(t.code()));
      body.bytes(code.toByteArray()).u8(0x0B);
      byte[] encoded = body.toByteArray();
      bodies.u32(encoded.length).bytes(encoded);
      return firstFunction + count++;
    }

    Map<Integer, byte[]> sections() {
      if (count == 0) {
        return Map.of();
      }
      return Map.of(
          Section.TYPE,
          ModuleAssembler.appendToVector(module, Section.TYPE, count, types.toByteArray()),
          Section.FUNCTION,
          ModuleAssembler.appendToVector(module, Section.FUNCTION, count, functions.toByteArray()),
          Section.CODE,
          ModuleAssembler.appendToVector(module, Section.CODE, count, bodies.toByteArray()));
    }
  }
}
