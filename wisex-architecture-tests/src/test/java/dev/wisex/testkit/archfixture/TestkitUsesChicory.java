package dev.wisex.testkit.archfixture;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/** Keeps [chicory-only-in-its-backend]: the testkit may use Chicory (it assembles WAT with it). */
public final class TestkitUsesChicory {
  private TestkitUsesChicory() {}

  public static WasmModule parse(byte[] bytes) {
    return Parser.parse(bytes);
  }
}
