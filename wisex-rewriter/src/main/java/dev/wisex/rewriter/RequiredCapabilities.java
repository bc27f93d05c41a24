package dev.wisex.rewriter;

import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.rewriter.instrument.TailCallLoops;
import dev.wisex.runtime.spi.Capability;
import java.util.EnumSet;
import java.util.Set;

/**
 * The optional proposals a module needs its backend to execute, so the default choice can run it.
 */
final class RequiredCapabilities {
  private RequiredCapabilities() {}

  static Set<Capability> of(WasmModule module, CodeFeatures code) {
    Set<Capability> needed = EnumSet.noneOf(Capability.class);
    var memories = module.allMemories();
    if (code.atomics()) {
      needed.add(Capability.THREADS);
    }
    if (code.exceptions()) {
      needed.add(Capability.EXCEPTIONS);
    }
    if (module.importCount(ExternalKind.MEMORY) > 0) {
      needed.add(Capability.IMPORTED_MEMORY);
    }
    if (memories.size() > 1) {
      needed.add(Capability.MULTI_MEMORY);
    }
    for (MemoryType m : memories) {
      if (m.memory64()) {
        needed.add(Capability.MEMORY64);
      }
      if (m.shared()) {
        needed.add(Capability.THREADS);
      }
    }
    boolean v128 =
        code.simd()
            || module.globals().stream().anyMatch(g -> g.type().valueType() == ValueType.V128)
            || module.types().stream().anyMatch(RequiredCapabilities::usesV128);
    if (v128) {
      needed.add(Capability.SIMD);
    }
    if (code.tailCalls() && tailCallsRemainAfterLoops(module)) {
      needed.add(Capability.TAIL_CALLS);
    }
    return needed;
  }

  /**
   * Whether tail calls other than a function's calls to itself remain once those run as loops
   * (TailCallLoops, as in the module init runs): only those need an engine that runs tail calls.
   */
  private static boolean tailCallsRemainAfterLoops(WasmModule module) {
    WasmModule looped = TailCallLoops.apply(module);
    return CodeScanner.scan(looped).tailCalls();
  }

  private static boolean usesV128(FunctionType t) {
    return t.params().contains(ValueType.V128) || t.results().contains(ValueType.V128);
  }
}
