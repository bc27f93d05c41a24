package dev.wisex.rewriter.instrument;

import dev.wisex.api.InitLimits;
import dev.wisex.api.LimitExceededException;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.MeteringSites;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.rewriter.names.ReservedNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Adds the code that enforces {@link InitLimits} inside the module itself, so every backend stops
 * at the same step and the same allocation, deterministically. Only the module init runs is
 * changed; the output is rewritten from the original.
 *
 * <ul>
 *   <li>Fuel: an {@code i64} global holds the budget; each function entry and each loop iteration
 *       traps when it is 0 and decrements it otherwise.
 *   <li>Memory cap: each {@code memory.grow} of a memory whose cap is below its own maximum calls a
 *       guard instead, which records the memory in a global and traps when the growth would pass
 *       the cap but not the memory's maximum (beyond the maximum the grow fails with -1 as usual).
 *       The cap is the lower of {@code --max-memory} and the engine's own limit ({@link
 *       EngineMemoryLimit}).
 *   <li>The start function is exported and the start section removed, so init calls it as a normal
 *       export and can read these globals after it traps.
 * </ul>
 */
public final class LimitInstrumenter {
  private static final Logger LOG = LogManager.getLogger(LimitInstrumenter.class);

  private LimitInstrumenter() {}

  /**
   * @param module the output of {@link Instrumenter} (after the other passes), as parsed once
   * @param meteredFunctions how many defined functions to meter: the original module's, not the
   *     probes instrumentation appended
   * @throws LimitExceededException if a memory's initial size is already above the cap
   */
  public static LimitedModule apply(WasmModule module, int meteredFunctions, InitLimits limits) {
    return apply(module, meteredFunctions, limits, EngineMemoryLimit.NONE);
  }

  /**
   * As above, on an engine whose memories cannot grow past {@code engine}: growth beyond it fails
   * init naming the engine's limit, like growth beyond {@code --max-memory}.
   */
  public static LimitedModule apply(
      WasmModule module, int meteredFunctions, InitLimits limits, EngineMemoryLimit engine) {
    return apply(module, meteredFunctions, limits, engine, type -> false);
  }

  /**
   * As above; every grow of a memory {@code growMayFail} accepts (on an engine with {@link
   * dev.wisex.runtime.spi.KnownDefect#GROW_FAILS_WHEN_HOST_IS_OUT_OF_MEMORY}, the memories it
   * allocates in the Java heap) runs through a guard, which also fails init when a grow the
   * memory's maximum allows returns -1.
   */
  public static LimitedModule apply(
      WasmModule module,
      int meteredFunctions,
      InitLimits limits,
      EngineMemoryLimit engine,
      Predicate<MemoryType> growMayFail) {
    List<MemoryType> memories = module.allMemories();
    long[] capPages = new long[memories.size()];
    boolean[] guarded = new boolean[memories.size()];
    for (int m = 0; m < memories.size(); m++) {
      MemoryType type = memories.get(m);
      capPages[m] =
          Math.min(capPages(type, limits.maxMemoryBytes()), capPages(type, engine.maxBytes()));
      if (type.minimum() > capPages[m]) {
        String start =
            "memory "
                + m
                + " starts at "
                + type.minimum()
                + " pages ("
                + Sizes.describe(type.minimum() << type.pageSizeLog2())
                + "), more than ";
        if (engine.binds(limits.maxMemoryBytes(), type.pageSizeLog2())) {
          throw new EngineLimitException(
              start + engine.describe(type.pageSizeLog2()), engine, null);
        }
        throw new LimitExceededException(
            start
                + "--max-memory "
                + Sizes.describe(limits.maxMemoryBytes())
                + " allows; raise --max-memory");
      }
      guarded[m] = growMayFail.test(type) || capPages[m] < maximumPages(type);
    }
    boolean fuel = limits.fuelLimited();
    if (!fuel && !anyTrue(guarded)) {
      // Nothing to meter or guard: skip the scan of every function body (most runs end here).
      return LimitedModule.unchanged(module.bytes(), capPages, engine);
    }
    MeteringSites sites = MeteringSites.of(module);
    boolean anyGuard = false;
    for (int i = 0; i < meteredFunctions; i++) {
      for (MeteringSites.Grow g : sites.bodies().get(i).grows()) {
        anyGuard |= guarded[g.memory()];
      }
    }
    if (!fuel && !anyGuard) {
      return LimitedModule.unchanged(module.bytes(), capPages, engine);
    }
    return new Builder(module, sites, meteredFunctions, limits, capPages, guarded, fuel, anyGuard)
        .build(engine);
  }

  private static boolean anyTrue(boolean[] values) {
    for (boolean v : values) {
      if (v) {
        return true;
      }
    }
    return false;
  }

  /** The cap in pages of {@code type}: the byte cap rounded down to whole pages. */
  static long capPages(MemoryType type, long maxBytes) {
    return maxBytes >>> type.pageSizeLog2();
  }

  /** The most pages the memory can ever have: its declared maximum or its address space. */
  static long maximumPages(MemoryType type) {
    int log2 = type.pageSizeLog2();
    long addressSpace =
        type.memory64() ? (log2 <= 1 ? Long.MAX_VALUE : 1L << (64 - log2)) : 1L << (32 - log2);
    return type.hasMaximum() ? Math.min(type.maximum(), addressSpace) : addressSpace;
  }

  private static final class Builder {
    private final WasmModule module;
    private final MeteringSites sites;
    private final int meteredFunctions;
    private final InitLimits limits;
    private final long[] capPages;
    private final boolean[] guarded;
    private final boolean fuel;
    private final boolean memoryCap;
    private final int fuelGlobal;
    private final int hitGlobal;
    private final int[] guardFunction;

    Builder(
        WasmModule module,
        MeteringSites sites,
        int meteredFunctions,
        InitLimits limits,
        long[] capPages,
        boolean[] guarded,
        boolean fuel,
        boolean memoryCap) {
      this.module = module;
      this.sites = sites;
      this.meteredFunctions = meteredFunctions;
      this.limits = limits;
      this.capPages = capPages;
      this.guarded = guarded;
      this.fuel = fuel;
      this.memoryCap = memoryCap;
      int nextGlobal = module.importCount(ExternalKind.GLOBAL) + module.globals().size();
      this.fuelGlobal = fuel ? nextGlobal++ : -1;
      this.hitGlobal = memoryCap ? nextGlobal : -1;
      this.guardFunction = new int[capPages.length];
      int nextFunction = module.importCount(ExternalKind.FUNCTION) + module.functionTypes().length;
      for (int m = 0; m < capPages.length; m++) {
        guardFunction[m] = memoryCap && guarded[m] ? nextFunction++ : -1;
      }
    }

    LimitedModule build(EngineMemoryLimit engine) {
      Map<Integer, byte[]> contents = new HashMap<>();
      List<Export> exports = new ArrayList<>();

      ByteWriter globals = new ByteWriter();
      int globalCount = 0;
      if (fuel) {
        globals.u8(0x7E).u8(1).u8(0x42).s64(limits.fuel()).u8(0x0B);
        exports.add(new Export(ReservedNames.FUEL, ExternalKind.GLOBAL, fuelGlobal));
        globalCount++;
      }
      if (memoryCap) {
        globals.u8(0x7F).u8(1).u8(0x41).u8(0).u8(0x0B);
        exports.add(new Export(ReservedNames.LIMIT_HIT, ExternalKind.GLOBAL, hitGlobal));
        globalCount++;
      }
      contents.put(
          Section.GLOBAL,
          ModuleAssembler.appendToVector(
              module, Section.GLOBAL, globalCount, globals.toByteArray()));

      List<byte[]> guards = new ArrayList<>();
      ByteWriter functions = new ByteWriter();
      if (memoryCap) {
        int type32 = module.types().size();
        int type64 = type32 + 1;
        contents.put(
            Section.TYPE,
            ModuleAssembler.appendToVector(
                module,
                Section.TYPE,
                2,
                new byte[] {0x60, 1, 0x7F, 1, 0x7F, 0x60, 1, 0x7E, 1, 0x7E}));
        List<MemoryType> memories = module.allMemories();
        for (int m = 0; m < capPages.length; m++) {
          if (guardFunction[m] >= 0) {
            MemoryType type = memories.get(m);
            functions.u32(type.memory64() ? type64 : type32);
            guards.add(guardBody(m, type));
          }
        }
        contents.put(
            Section.FUNCTION,
            ModuleAssembler.appendToVector(
                module, Section.FUNCTION, guards.size(), functions.toByteArray()));
      }
      contents.put(Section.CODE, code(guards));

      Optional<String> startExport = Optional.empty();
      Set<Integer> removed = Set.of();
      if (module.start() >= 0) {
        exports.add(new Export(ReservedNames.START, ExternalKind.FUNCTION, module.start()));
        startExport = Optional.of(ReservedNames.START);
        removed = Set.of(Section.START);
      }
      contents.put(Section.EXPORT, ModuleAssembler.appendExports(module, exports));
      byte[] bytes = ModuleAssembler.assemble(module, contents, removed);
      LOG.debug(
          "limits instrumented: fuel {}, {} memory guards, start {}",
          fuel ? limits.fuel() : "unlimited",
          guards.size(),
          startExport.isPresent() ? "exported" : "absent");
      return new LimitedModule(bytes, startExport, fuel, memoryCap, capPages, engine);
    }

    /** The code section with every metered body rewritten and the guards appended. */
    private byte[] code(List<byte[]> guards) {
      return CodeEditor.codeSection(
          module, i -> i < meteredFunctions ? meter(sites.bodies().get(i)) : List.of(), guards);
    }

    private List<CodeEditor.Edit> meter(MeteringSites.Body at) {
      // Fuel checks go at the code start and at each loop body start; grows are replaced. Both
      // lists are ascending and a grow never starts at a check point, so one merge pass suffices.
      List<Integer> checks = new ArrayList<>();
      if (fuel) {
        checks.add(at.codeStart());
        for (int offset : at.loopBodies()) {
          checks.add(offset);
        }
      }
      List<CodeEditor.Edit> edits = new ArrayList<>();
      int c = 0;
      for (MeteringSites.Grow grow : at.grows()) {
        while (c < checks.size() && checks.get(c) <= grow.start()) {
          edits.add(CodeEditor.Edit.insert(checks.get(c++), fuelCheck()));
        }
        if (guardFunction[grow.memory()] >= 0) {
          byte[] call = new ByteWriter(6).u8(0x10).u32(guardFunction[grow.memory()]).toByteArray();
          edits.add(new CodeEditor.Edit(grow.start(), grow.end(), call));
        }
      }
      while (c < checks.size()) {
        edits.add(CodeEditor.Edit.insert(checks.get(c++), fuelCheck()));
      }
      return edits;
    }

    /** {@code if (fuel == 0) unreachable; fuel -= 1}. */
    private byte[] fuelCheck() {
      ByteWriter out = new ByteWriter(24);
      out.u8(0x23).u32(fuelGlobal).u8(0x50).u8(0x04).u8(0x40).u8(0x00).u8(0x0B);
      out.u8(0x23).u32(fuelGlobal).u8(0x42).u8(1).u8(0x7D).u8(0x24).u32(fuelGlobal);
      return out.toByteArray();
    }

    /**
     * {@code (param $d) (result)}: traps, after recording memory {@code m} as {@code m + 1}, when
     * {@code $d > cap - size && $d <= max - size}; otherwise {@code memory.grow $d}, and if that
     * returns -1 although {@code $d <= max - size}, traps after recording {@code -(m + 1)} (the
     * engine could not allocate). Sizes are compared as i64 so neither subtraction can wrap (size
     * never exceeds the cap).
     */
    private byte[] guardBody(int m, MemoryType type) {
      boolean wide = type.memory64();
      ByteWriter b = new ByteWriter(96);
      b.u8(2).u8(1).u8(0x7E); // locals: an i64, the current size
      b.u8(1).u8(wide ? 0x7E : 0x7F); // and the grow's result
      b.u8(0x3F).u32(m); // memory.size
      if (!wide) {
        b.u8(0xAD); // i64.extend_i32_u
      }
      b.u8(0x21).u8(1); // local.set 1
      delta(b, wide);
      b.u8(0x42).s64(capPages[m]).u8(0x20).u8(1).u8(0x7D); // cap - size
      b.u8(0x56); // i64.gt_u
      withinMaximum(b, type);
      b.u8(0x71); // i32.and
      b.u8(0x04).u8(0x40); // if
      b.u8(0x41).s32(m + 1).u8(0x24).u32(hitGlobal).u8(0x00); // record; unreachable
      b.u8(0x0B);
      b.u8(0x20).u8(0).u8(0x40).u32(m); // memory.grow $d
      b.u8(0x22).u8(2); // local.tee 2
      if (wide) {
        b.u8(0x42).s64(-1).u8(0x51); // i64.const -1; i64.eq
      } else {
        b.u8(0x41).s32(-1).u8(0x46); // i32.const -1; i32.eq
      }
      withinMaximum(b, type);
      b.u8(0x71); // i32.and
      b.u8(0x04).u8(0x40); // if
      b.u8(0x41).s32(-(m + 1)).u8(0x24).u32(hitGlobal).u8(0x00); // record; unreachable
      b.u8(0x0B);
      b.u8(0x20).u8(2); // local.get 2
      b.u8(0x0B);
      return b.toByteArray();
    }

    /** Pushes {@code $d <= max - size} (an i32). */
    private static void withinMaximum(ByteWriter b, MemoryType type) {
      delta(b, type.memory64());
      b.u8(0x42).s64(maximumPages(type)).u8(0x20).u8(1).u8(0x7D); // max - size
      b.u8(0x58); // i64.le_u
    }

    private static void delta(ByteWriter b, boolean wide) {
      b.u8(0x20).u8(0); // local.get $d
      if (!wide) {
        b.u8(0xAD);
      }
    }
  }
}
