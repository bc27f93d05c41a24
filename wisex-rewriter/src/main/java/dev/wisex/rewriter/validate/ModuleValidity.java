package dev.wisex.rewriter.validate;

import dev.wisex.api.RejectedModuleException;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.parser.analysis.FunctionReferences;
import java.util.BitSet;
import java.util.List;

/**
 * The spec's validity rules that wisex relies on before any engine validates the module, or that an
 * engine leaves unchecked: the backends disagree on them (one refuses, one runs the module and
 * writes an output that the others refuse), and wisex's own planning reads memory limits first.
 * Checked right after parsing, the same for every backend.
 */
public final class ModuleValidity {
  /** The most pages a 32-bit memory can have: 4 GiB. */
  private static final long MAX_PAGES_32 = 1L << 16;

  /** The most pages a 64-bit memory can have (2^64 bytes in 64 KiB pages). */
  private static final long MAX_PAGES_64 = 1L << 48;

  private ModuleValidity() {}

  /**
   * @throws RejectedModuleException naming the first rule the module breaks
   */
  public static void check(WasmModule module, CodeFeatures code) {
    checkMemories(module.allMemories());
    checkStart(module);
    if (code.referenceTypes()) {
      checkFunctionReferences(module);
    }
  }

  private static void checkMemories(List<MemoryType> memories) {
    for (int i = 0; i < memories.size(); i++) {
      MemoryType memory = memories.get(i);
      if (memory.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
        continue; // another proposal's rules; the engine decides
      }
      long limit = memory.memory64() ? MAX_PAGES_64 : MAX_PAGES_32;
      if (Long.compareUnsigned(memory.minimum(), limit) > 0
          || (memory.hasMaximum() && Long.compareUnsigned(memory.maximum(), limit) > 0)) {
        throw invalid(
            "memory "
                + i
                + "'s limits exceed the "
                + limit
                + " pages a "
                + (memory.memory64() ? 64 : 32)
                + "-bit memory can have");
      }
      if (memory.hasMaximum() && Long.compareUnsigned(memory.minimum(), memory.maximum()) > 0) {
        throw invalid(
            "memory "
                + i
                + "'s minimum of "
                + memory.minimum()
                + " pages exceeds its maximum of "
                + memory.maximum());
      }
      if (memory.shared() && !memory.hasMaximum()) {
        throw invalid("memory " + i + " is shared but has no maximum");
      }
    }
  }

  private static void checkStart(WasmModule module) {
    if (module.start() < 0) {
      return;
    }
    FunctionType type = module.functionType(module.start());
    if (!type.params().isEmpty() || !type.results().isEmpty()) {
      throw invalid(
          "its start function (function "
              + module.start()
              + ") must take no parameters and return nothing, but has type "
              + type.params()
              + " -> "
              + type.results());
    }
  }

  private static void checkFunctionReferences(WasmModule module) {
    BitSet undeclared = FunctionReferences.inCode(module);
    undeclared.andNot(FunctionReferences.declared(module));
    if (!undeclared.isEmpty()) {
      throw invalid(
          "its code takes a reference to function "
              + undeclared.nextSetBit(0)
              + " (ref.func), which no element segment, export or global initializer declares");
    }
  }

  private static RejectedModuleException invalid(String what) {
    return new RejectedModuleException("the module is invalid: " + what);
  }
}
