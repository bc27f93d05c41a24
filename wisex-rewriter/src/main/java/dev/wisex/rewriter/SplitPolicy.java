package dev.wisex.rewriter;

import dev.wisex.runtime.spi.WasmRuntime;

/**
 * Whether the functions a backend runs slowly for their size are split in the module init runs in,
 * and at what size. Only in modules of less than {@link EngineChoice#LARGE_CODE_BYTES} of code,
 * where the default selection runs init on a compiling backend at all: there init tends to run a
 * few huge functions hot (an interpreter loop: sqlite's init 1.54x faster split), while in larger
 * modules it runs hundreds of huge functions a few times each, and the pieces cost more to load,
 * digest and compile than they save (StarlingMonkey on Chicory, warm: init 2.0 s whole, 4.0 s split
 * above 8,000 bytes, 6.0 s above 5,000; README "Methods too large for the JIT").
 */
final class SplitPolicy {
  private SplitPolicy() {}

  /**
   * The largest function body left whole, in bytes of Wasm code: {@code runtime}'s own limit
   * ({@link WasmRuntime#largestFastFunctionBytes}) in a module of less than {@link
   * EngineChoice#LARGE_CODE_BYTES} of code, no limit otherwise.
   */
  static int largestFunction(WasmRuntime runtime, CodeSize code) {
    return code.bytes() < EngineChoice.LARGE_CODE_BYTES
        ? runtime.largestFastFunctionBytes()
        : Integer.MAX_VALUE;
  }
}
