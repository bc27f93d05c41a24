package dev.wisex.parser.analysis;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.api.RejectedModuleException;
import dev.wisex.parser.ByteReader;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.Import;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.WasmModule;
import java.util.List;
import java.util.Optional;

/**
 * Where a module with an imported shared memory keeps its init-once flag: the word the output's
 * start function claims with an atomic compare-exchange, so that the snapshot is applied once
 * across all instances (threads) sharing the memory, not once per instance.
 *
 * <p>The flag must lie where the program never looks, and no analysis can prove that of an
 * arbitrary address (any load may compute any address; even a page beyond the snapshot is visible
 * through {@code memory.size}). So wisex does not pick an address: it reuses the one the module
 * already uses for exactly this purpose. wasm-ld links a shared-memory module with a start function
 * {@code __wasm_init_memory} that begins
 *
 * <pre>
 * block block block
 *   (i32.atomic.rmw.cmpxchg (i32.const FLAG) (i32.const 0) (i32.const 1))
 *   br_table ...
 * </pre>
 *
 * where {@code FLAG} is {@code __wasm_init_memory_flag}, a word the linker reserves and no program
 * symbol names. The output touches only that word, in the same protocol (0 → 1 by the winner, 2
 * when done), so it is exactly as sound as the input. Any other shape is refused: wisex cannot show
 * a flag location is unused, and applying the snapshot from every instance would clobber what
 * earlier threads wrote.
 *
 * @param memory index of the shared memory the flag lives in
 * @param address the flag's byte address (4-aligned)
 */
public record InitOnceFlag(int memory, long address) {
  /** The value the module's own protocol leaves in the flag once memory is initialized. */
  public static final int INITIALIZED = 2;

  private static final int I32_CONST = 0x41;
  private static final int BLOCK = 0x02;
  private static final int EMPTY_BLOCK_TYPE = 0x40;
  private static final int ATOMIC_PREFIX = 0xFE;
  private static final int I32_ATOMIC_RMW_CMPXCHG = 0x48;

  /**
   * The flag of a module that imports a shared memory, or empty if it imports none.
   *
   * @throws RejectedModuleException if it imports one but its start function is not the linker's
   *     init-once protocol
   */
  public static Optional<InitOnceFlag> of(WasmModule module) {
    List<Import> memories = module.imports(ExternalKind.MEMORY);
    int shared = -1;
    for (int i = 0; i < memories.size(); i++) {
      if (memories.get(i).memory().shared()) {
        if (shared >= 0) {
          throw new RejectedModuleException(
              "module imports more than one shared memory (`"
                  + memories.get(shared).qualifiedName()
                  + "`, `"
                  + memories.get(i).qualifiedName()
                  + "`); wisex supports one");
        }
        shared = i;
      }
    }
    if (shared < 0) {
      return Optional.empty();
    }
    Import imported = memories.get(shared);
    MemoryType type = imported.memory();
    if (type.memory64()) {
      throw new RejectedModuleException(
          "module imports the 64-bit shared memory `"
              + imported.qualifiedName()
              + "`, which wisex does not support");
    }
    InitOnceFlag flag = fromStart(module, imported.qualifiedName());
    if (flag.memory() != shared) {
      throw refused(
          imported.qualifiedName(), "its start function's once-flag is in another memory");
    }
    return Optional.of(flag);
  }

  private static InitOnceFlag fromStart(WasmModule module, String memoryName) {
    int importedFunctions = module.importCount(ExternalKind.FUNCTION);
    if (module.start() < importedFunctions) {
      throw refused(
          memoryName,
          module.start() < 0 ? "it has no start function" : "its start function is an import");
    }
    FunctionBody body = module.bodies().get(module.start() - importedFunctions);
    ByteReader in = new ByteReader(module.bytes(), body.start(), body.end());
    try {
      return read(in)
          .orElseThrow(
              () ->
                  refused(
                      memoryName,
                      "its start function does not begin "
                          + "with the linker's atomic once-flag (`__wasm_init_memory`)"));
    } catch (MalformedModuleException e) {
      throw refused(memoryName, "its start function cannot be decoded");
    }
  }

  /** Matches {@code block* i32.const F i32.const 0 i32.const 1 i32.atomic.rmw.cmpxchg}. */
  private static Optional<InitOnceFlag> read(ByteReader in) {
    int localGroups = in.u32Length("local declaration count");
    for (int i = 0; i < localGroups; i++) {
      in.u32("local count");
      int type = in.u8("local type");
      if (type < 0x7B || type > 0x7F) {
        return Optional.empty(); // only numeric locals, as the linker declares
      }
    }
    int op = in.u8("opcode");
    while (op == BLOCK) {
      if (in.u8("block type") != EMPTY_BLOCK_TYPE) {
        return Optional.empty();
      }
      op = in.u8("opcode");
    }
    if (op != I32_CONST) {
      return Optional.empty();
    }
    long base = in.s32("flag address") & 0xFFFF_FFFFL;
    if (in.u8("opcode") != I32_CONST || in.s32("expected") != 0) {
      return Optional.empty();
    }
    if (in.u8("opcode") != I32_CONST || in.s32("replacement") != 1) {
      return Optional.empty();
    }
    if (in.u8("opcode") != ATOMIC_PREFIX || in.u32("atomic opcode") != I32_ATOMIC_RMW_CMPXCHG) {
      return Optional.empty();
    }
    int align = in.u32("alignment");
    int memory = (align & 0x40) != 0 ? in.u32("memory index") : 0;
    long address = base + (in.u32("offset") & 0xFFFF_FFFFL);
    if ((address & 3) != 0 || address > 0xFFFF_FFFCL) {
      return Optional.empty();
    }
    return Optional.of(new InitOnceFlag(memory, address));
  }

  private static RejectedModuleException refused(String memoryName, String why) {
    return new RejectedModuleException(
        "module imports the shared memory `"
            + memoryName
            + "`, but "
            + why
            + "; wisex applies the snapshot once across threads with that flag and cannot prove any "
            + "other address unused: link with wasm-ld --shared-memory, or do not share the memory");
  }
}
