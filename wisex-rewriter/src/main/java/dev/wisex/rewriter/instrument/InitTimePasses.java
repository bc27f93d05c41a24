package dev.wisex.rewriter.instrument;

import dev.wisex.api.InitLimits;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.runtime.spi.KnownDefect;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The passes that turn the instrumented module into the one init runs in, in the order they must
 * run, so that the pipeline and the tests that feed it hostile modules chain them the same way. The
 * instrumented bytes are parsed once; each pass hands the next its parsed result.
 */
public final class InitTimePasses {
  private InitTimePasses() {}

  /**
   * @param original the input module, whose defined functions are metered
   * @param code what its code uses
   * @param relaxedSimdDeterministic whether relaxed SIMD runs the deterministic profile
   * @param defects the engine's known defects, each rewritten around
   * @param engine the engine's own memory limit
   * @param memoryOnHeap which memories the engine keeps in the Java heap, where a grow can fail for
   *     lack of heap (guarded on an engine with {@link
   *     KnownDefect#GROW_FAILS_WHEN_HOST_IS_OUT_OF_MEMORY}) and between which and the others a copy
   *     fails (on an engine with {@link KnownDefect#COPY_BETWEEN_HEAP_AND_OFF_HEAP_MEMORY})
   * @param largestFastFunction the largest function body, in bytes, the engine runs at full speed
   *     ({@link dev.wisex.runtime.spi.WasmRuntime#largestFastFunctionBytes}); larger ones are split
   * @param splitter {@link HugeFunctionSplitter#apply(byte[], int)}, or what remembers its results
   */
  public static LimitedModule apply(
      WasmModule original,
      CodeFeatures code,
      InstrumentedModule instrumented,
      boolean relaxedSimdDeterministic,
      InitLimits limits,
      Set<KnownDefect> defects,
      EngineMemoryLimit engine,
      Predicate<MemoryType> memoryOnHeap,
      int largestFastFunction,
      BiFunction<byte[], Integer, byte[]> splitter) {
    WasmModule parsed = ModuleParser.parse(instrumented.bytes());
    // A defect of SIMD instructions cannot occur in code without them: no scan of the code for it
    // (on fastly's 8.8 MB of code, a whole decode).
    Set<KnownDefect> occurring = EnumSet.noneOf(KnownDefect.class);
    occurring.addAll(defects);
    if (!code.simd()) {
      occurring.remove(KnownDefect.SIMD_NARROW_SHIFT_COUNT);
    }
    WasmModule looped = code.tailCalls() ? TailCallLoops.apply(parsed) : parsed;
    int own = original.functionTypes().length;
    WasmModule conformed =
        conform(
            looped,
            code.simd() && relaxedSimdDeterministic,
            occurring,
            withAppended(code.floatRoundingBodies(), own, looped));
    if (code.bulkMemory()) {
      conformed =
          HighAddressBulkMemory.apply(
              conformed,
              Math.min(limits.maxMemoryBytes(), engine.maxBytes()),
              defects,
              memoryOnHeap,
              withAppended(code.memoryBulkBodies(), own, conformed));
    }
    LimitedModule limited =
        LimitInstrumenter.apply(
            conformed,
            own,
            limits,
            engine,
            defects.contains(KnownDefect.GROW_FAILS_WHEN_HOST_IS_OUT_OF_MEMORY)
                ? memoryOnHeap
                : type -> false);
    // After the metering, whose fuel checks move with the bodies it wraps.
    limited = FrameBudget.apply(limited, conformed, own);
    // Last, so that the pieces carry the code every earlier pass added. The metering adds a few
    // bytes per loop: a body a little under the limit before it is weighed again after.
    boolean huge =
        conformed.bodies().stream()
            .anyMatch(b -> b.end() - b.start() > largestFastFunction - largestFastFunction / 8);
    if (huge) {
      byte[] split = splitter.apply(limited.bytes(), largestFastFunction);
      limited = split == limited.bytes() ? limited : limited.withBytes(split);
    }
    // The input's own active segments at 2 GiB or above, which such an engine would write at a
    // negative address: the host writes them (the code is final by now, the data section is not).
    if (defects.contains(KnownDefect.I32_ADDRESS_SIGN_EXTENSION)
        && HostAppliedSegments.needed(original)) {
      limited =
          limited.withHostSegments(HostAppliedSegments.plan(ModuleParser.parse(limited.bytes())));
    }
    return limited;
  }

  /**
   * {@code ownBodies} (a set of the input's own bodies, from its parse-time scan) with every body
   * the instrumentation and the passes before appended to {@code module}: the input's bodies keep
   * their indices, and the appended ones, few and small, are decoded whatever they hold.
   */
  private static BitSet withAppended(BitSet ownBodies, int own, WasmModule module) {
    ownBodies.set(own, Math.max(own, module.bodies().size()));
    return ownBodies;
  }

  /**
   * The passes that make each instruction compute what the spec says on this engine: relaxed SIMD
   * in the deterministic profile (if {@code relaxedSimdDeterministic}) and each of {@code defects}
   * worked around. Shared by the module init runs in and the modules {@code --preload} links to it,
   * so that a preloaded function's results do not depend on the backend either.
   */
  public static WasmModule conform(
      WasmModule module, boolean relaxedSimdDeterministic, Set<KnownDefect> defects) {
    return conform(module, relaxedSimdDeterministic, defects, null);
  }

  /**
   * As above, where {@code floatRoundingBodies} ({@link CodeFeatures#floatRoundingBodies}; {@code
   * null} if unknown) says which bodies can use a float min, max or rounding instruction: the
   * module's own bodies keep their indices through the instrumentation, which only appends.
   */
  private static WasmModule conform(
      WasmModule module,
      boolean relaxedSimdDeterministic,
      Set<KnownDefect> defects,
      BitSet floatRoundingBodies) {
    WasmModule conformed =
        ConformancePass.apply(
            RelaxedSimdPass.apply(module, relaxedSimdDeterministic), defects, floatRoundingBodies);
    return defects.contains(KnownDefect.MEMORY64_ADDRESS_WRAP)
        ? Memory64AddressWrap.apply(conformed)
        : conformed;
  }
}
