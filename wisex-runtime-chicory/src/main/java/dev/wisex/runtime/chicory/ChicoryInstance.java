package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wisex.runtime.spi.ExportFailures;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.WasmInstance;

/**
 * A started Chicory instance behind the SPI: exports by name, raw bits in and out, failures
 * translated.
 */
final class ChicoryInstance implements WasmInstance {
  private static final long[] NO_RESULTS = new long[0];

  private final Instance instance;
  private final ExportIndex exports;

  ChicoryInstance(Instance instance) {
    this.instance = instance;
    this.exports = new ExportIndex(instance.module());
  }

  @Override
  public long[] call(String export, long... args) {
    int function = exports.indexOf(export, ExternalType.FUNCTION);
    FunctionType type = instance.type(instance.functionType(function));
    if (args.length != type.params().size()) {
      // Chicory does not check arity; too few arguments would fail deep inside the engine.
      throw ExportFailures.wrongArity(export, ValTypes.describe(type), args.length);
    }
    long[] arguments = args.clone();
    long[] results = Failures.executing(() -> instance.export(export).apply(arguments));
    // Chicory answers null for a function without results.
    return results == null ? NO_RESULTS : zeroExtend32(type, results);
  }

  // Chicory hands 32-bit results back sign-extended (i32 -1 as 0xFFFF_FFFF_FFFF_FFFF). wisex's
  // convention is the one GlobalValue uses, bits in the low half and the high half zero, so results
  // and globals compare.
  private static long[] zeroExtend32(FunctionType type, long[] results) {
    for (int i = 0; i < results.length && i < type.returns().size(); i++) {
      ValType result = type.returns().get(i);
      if (result.equals(ValType.I32) || result.equals(ValType.F32)) {
        results[i] &= 0xFFFF_FFFFL;
      }
    }
    return results;
  }

  @Override
  public GlobalValue global(String export) {
    int global = exports.indexOf(export, ExternalType.GLOBAL);
    return GlobalReader.read(export, instance.global(global), instance.module().typeSection());
  }

  /** Chicory keeps the page count in a plain field: a racy read is a recent size, never harm. */
  @Override
  public long memoryBytesFromAnyThread(String export) {
    return memory(export).byteSize();
  }

  @Override
  public GuestMemory memory(String export) {
    return new ChicoryMemory(instance.memory(exports.indexOf(export, ExternalType.MEMORY)));
  }
}
