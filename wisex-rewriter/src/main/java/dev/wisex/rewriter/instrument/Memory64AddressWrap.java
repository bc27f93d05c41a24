package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.InstructionSites;
import dev.wisex.parser.analysis.MemoryAccesses;
import dev.wisex.parser.write.ModuleAssembler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Works around {@link dev.wisex.runtime.spi.KnownDefect#MEMORY64_ADDRESS_WRAP}: in front of each
 * load or store of a 64-bit memory that has a static offset, a call to an appended function checks
 * that address + offset does not pass 2^64, and if it does, traps as the spec says (out of bounds)
 * by loading from the memory's last possible address; otherwise it hands the operands back
 * unchanged. Only the module init runs in is changed.
 */
public final class Memory64AddressWrap {
  private static final Logger LOG = LogManager.getLogger(Memory64AddressWrap.class);

  private static final int I32 = 0x7F;
  private static final int I64 = 0x7E;
  private static final int F32 = 0x7D;
  private static final int F64 = 0x7C;
  private static final int V128 = 0x7B;

  /** No value above the address (a load). */
  private static final int NONE = 0;

  private Memory64AddressWrap() {}

  /** {@code module} with every such access checked; {@code module} itself when it has none. */
  public static WasmModule apply(WasmModule module) {
    List<MemoryType> memories = module.allMemories();
    if (memories.stream().noneMatch(MemoryType::memory64)) {
      return module;
    }
    MemoryAccesses accesses =
        MemoryAccesses.of(
            module,
            m ->
                m.offset() != 0
                    && m.memory() < memories.size()
                    && memories.get(m.memory()).memory64());
    if (accesses.isEmpty()) {
      return module;
    }
    AppendedFunctions appended = new AppendedFunctions(module);
    Map<Long, Integer> checks = new HashMap<>(); // (memory << 8 | value type) -> function
    int replaced = 0;
    List<List<CodeEditor.Edit>> edits = new ArrayList<>();
    for (List<MemoryAccesses.Access> body : accesses.bodies()) {
      List<CodeEditor.Edit> bodyEdits = new ArrayList<>();
      for (MemoryAccesses.Access access : body) {
        int above = valueAbove(access.opcode());
        int memory = access.memarg().memory();
        int check =
            checks.computeIfAbsent(
                ((long) memory << 8) | above, k -> appended.add(type(above), body(above, memory)));
        bodyEdits.add(
            CodeEditor.Edit.insert(
                access.start(),
                new ByteWriter(16)
                    .u8(0x42)
                    .s64(access.memarg().offset())
                    .u8(0x10)
                    .u32(check)
                    .toByteArray()));
        replaced++;
      }
      edits.add(bodyEdits);
    }
    Map<Integer, byte[]> contents = new HashMap<>();
    appended.putSections(contents);
    contents.put(Section.CODE, CodeEditor.codeSection(module, edits::get, appended.bodies()));
    LOG.debug("64-bit address checks: {} accesses with an offset", replaced);
    return ModuleParser.parse(ModuleAssembler.assemble(module, contents, Set.of()));
  }

  /** The value a load or store has above its address on the stack, or {@link #NONE}. */
  static int valueAbove(int opcode) {
    if (opcode >= 0x28 && opcode <= 0x35) {
      return NONE; // loads
    }
    return switch (opcode) {
      case 0x36, 0x3A, 0x3B -> I32;
      case 0x37, 0x3C, 0x3D, 0x3E -> I64;
      case 0x38 -> F32;
      case 0x39 -> F64;
      default -> {
        int simd = opcode - InstructionSites.SIMD_PREFIX;
        // v128.store and the lane loads and stores have a v128 above the address; the other
        // SIMD loads (v128.load ... load64_splat, load32_zero, load64_zero) nothing.
        yield simd == 0x0B || (simd >= 0x54 && simd <= 0x5B) ? V128 : NONE;
      }
    };
  }

  /** {@code (param i64 [T] i64) (result i64 [T])}: the address, the value, the offset. */
  private static byte[] type(int above) {
    ByteWriter out = new ByteWriter(8).u8(0x60);
    if (above == NONE) {
      return out.u8(2).u8(I64).u8(I64).u8(1).u8(I64).toByteArray();
    }
    return out.u8(3).u8(I64).u8(above).u8(I64).u8(2).u8(I64).u8(above).toByteArray();
  }

  private static byte[] body(int above, int memory) {
    int offset = above == NONE ? 1 : 2;
    ByteWriter code = new ByteWriter(32).u8(0); // no locals
    // address + offset < address: past 2^64
    code.u8(0x20).u8(0).u8(0x20).u8(offset).u8(0x7C).u8(0x20).u8(0).u8(0x54); // i64.lt_u
    code.u8(0x04).u8(0x40); // if
    // i32.load8_u of memory `memory` at 2^64 - 1: out of bounds, as the spec's trap
    code.u8(0x42).s64(-1).u8(0x2D);
    if (memory == 0) {
      code.u8(0).u8(0);
    } else {
      code.u8(0x40).u32(memory).u8(0);
    }
    code.u8(0x1A).u8(0x0B); // drop; end
    code.u8(0x20).u8(0);
    if (above != NONE) {
      code.u8(0x20).u8(1);
    }
    return code.u8(0x0B).toByteArray();
  }
}
