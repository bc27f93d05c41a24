package dev.wisex.parser.analysis;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.WasmModule;

/**
 * Decodes every instruction of every function body and reports what the code uses. The rewriter
 * needs it to learn which passive data segments initialization may drop, whether the module needs a
 * SIMD- or thread-capable backend, and whether any table can change at run time.
 *
 * <p>Covers WebAssembly 2.0 plus threads, multi-memory, memory64, exception handling (legacy and
 * {@code try_table}), tail calls, typed function references, relaxed SIMD and wide arithmetic. GC
 * instructions (the {@code 0xFB} prefix) are rejected with a {@link MalformedModuleException}
 * saying "GC instructions are not supported". The scan decodes, it does not validate: stack types,
 * index ranges (except data segment indices, see {@link #scan}) and alignment limits are left to
 * the validator.
 */
public final class CodeScanner {
  private CodeScanner() {}

  /**
   * Scans all function bodies of {@code module}.
   *
   * @throws MalformedModuleException if a body cannot be decoded: truncated immediates, an unknown
   *     opcode, a body that ends before its final {@code end} or has bytes after it, or a
   *     memory.init / data.drop naming a data segment the module does not have. The message names
   *     the byte offset and the function's index in the function index space (imports first).
   */
  public static CodeFeatures scan(WasmModule module) {
    return InstructionDecoder.decodeBodies(module, i -> SiteListener.NONE);
  }
}
