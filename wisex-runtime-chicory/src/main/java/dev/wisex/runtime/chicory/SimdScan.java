package dev.wisex.runtime.chicory;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;
import java.util.Optional;

/**
 * Finds the first use of SIMD in a decoded module. Chicory decodes SIMD but its interpreter and
 * compiler execute it only with an add-on, so a v128 operation would otherwise fail only when (and
 * if) it runs.
 */
final class SimdScan {
  // Every SIMD instruction is encoded behind the 0xFD prefix; Chicory numbers them 0xFD00..0xFDFF.
  private static final int SIMD_PREFIX = 0xFD;

  private SimdScan() {}

  /**
   * Where the module first uses a v128 type or instruction, in words, or empty if it never does.
   */
  static Optional<String> firstUse(WasmModule module) {
    FunctionType[] types = module.typeSection().types();
    for (int i = 0; i < types.length; i++) {
      // Struct and array types (GC proposal) have no function type.
      if (types[i] != null && (hasV128(types[i].params()) || hasV128(types[i].returns()))) {
        return Optional.of("type " + i);
      }
    }
    int importedFunctions = 0;
    int importedGlobals = 0;
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Import imported = module.importSection().getImport(i);
      if (imported.importType() == ExternalType.FUNCTION) {
        importedFunctions++;
      } else if (imported instanceof GlobalImport global) {
        if (global.type().equals(ValType.V128)) {
          return Optional.of("imported global `" + global.module() + "." + global.name() + "`");
        }
        importedGlobals++;
      }
    }
    Global[] globals = module.globalSection().globals();
    for (int i = 0; i < globals.length; i++) {
      if (globals[i].valueType().equals(ValType.V128)
          || hasSimdInstruction(globals[i].initInstructions())) {
        return Optional.of("global " + (importedGlobals + i));
      }
    }
    FunctionBody[] bodies = module.codeSection().functionBodies();
    for (int i = 0; i < bodies.length; i++) {
      if (hasV128(bodies[i].localTypes()) || hasSimdInstruction(bodies[i].instructions())) {
        return Optional.of("function " + (importedFunctions + i));
      }
    }
    return Optional.empty();
  }

  private static boolean hasV128(List<ValType> types) {
    return types.contains(ValType.V128);
  }

  private static boolean hasSimdInstruction(List<? extends Instruction> instructions) {
    for (Instruction instruction : instructions) {
      if (instruction.opcode().opcode() >>> 8 == SIMD_PREFIX) {
        return true;
      }
    }
    return false;
  }
}
