package dev.wisex.rewriter;

import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.WasmModule;

/**
 * How much code a module defines: what an engine that compiles every function before init runs pays
 * for, and what the default selection weighs ({@link EngineChoice}).
 *
 * @param bytes the function bodies' bytes (local declarations and instructions, without the code
 *     section's size prefixes)
 * @param functions defined functions
 * @param largestFunction the largest body's bytes, 0 without functions
 */
record CodeSize(long bytes, int functions, int largestFunction) {
  static CodeSize of(WasmModule module) {
    long bytes = 0;
    int largest = 0;
    for (FunctionBody body : module.bodies()) {
      int size = body.end() - body.start();
      bytes += size;
      largest = Math.max(largest, size);
    }
    return new CodeSize(bytes, module.bodies().size(), largest);
  }
}
