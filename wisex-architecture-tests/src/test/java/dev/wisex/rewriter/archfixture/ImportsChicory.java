package dev.wisex.rewriter.archfixture;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/** Breaks [chicory-only-in-its-backend]. */
public final class ImportsChicory {
  private ImportsChicory() {}

  public static WasmModule parse(byte[] bytes) {
    return Parser.parse(bytes);
  }
}
