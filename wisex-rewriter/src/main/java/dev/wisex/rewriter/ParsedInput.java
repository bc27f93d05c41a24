package dev.wisex.rewriter;

import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.rewriter.validate.ModuleValidity;
import java.time.Duration;

/**
 * The input as the pipeline reads it, parsed and scanned once per call: the race's two sides, each
 * run of {@code --cross-check} and a retry on a backend that holds more memory all reuse it (the
 * records are immutable, so threads may share them).
 *
 * @param took how long parsing and scanning took: the report's {@code parse} timing, and part of
 *     {@code --timeout}
 * @param pace the scan's processor time, what this machine's speed is judged by ({@link
 *     MachinePace})
 */
record ParsedInput(
    byte[] bytes, WasmModule module, CodeFeatures code, Duration took, MachinePace pace) {
  static ParsedInput of(byte[] input) {
    long start = System.nanoTime();
    WasmModule module = ModuleParser.parse(input);
    long scanStart = MachinePace.threadNanos();
    CodeFeatures code = CodeScanner.scan(module);
    MachinePace pace = MachinePace.between(scanStart, MachinePace.threadNanos());
    ModuleValidity.check(module, code);
    return new ParsedInput(input, module, code, Duration.ofNanos(System.nanoTime() - start), pace);
  }
}
