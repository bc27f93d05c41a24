package dev.wisex.parser.analysis;

import dev.wisex.parser.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where each function body loads or stores (plain and SIMD instructions; atomics are not listed),
 * so a pass can put code in front of an access an engine gets wrong.
 *
 * @param bodies one list per defined function, in function order, each ascending
 */
public record MemoryAccesses(List<List<Access>> bodies) {
  public MemoryAccesses {
    bodies = bodies.stream().map(List::copyOf).toList();
  }

  /**
   * One access: the instruction starts at {@code start} of the module's bytes, numbered as {@link
   * InstructionSites} numbers opcodes.
   */
  public record Access(int start, int opcode, MemArg memarg) {}

  /** Whether any body has a wanted access. */
  public boolean isEmpty() {
    return bodies.stream().allMatch(List::isEmpty);
  }

  /** The accesses of {@code module}'s defined functions that {@code wanted} accepts. */
  public static MemoryAccesses of(WasmModule module, Predicate<MemArg> wanted) {
    List<List<Access>> bodies = new ArrayList<>(module.bodies().size());
    InstructionDecoder.decodeBodies(
        module,
        i -> {
          List<Access> accesses = new ArrayList<>();
          bodies.add(accesses);
          return new SiteListener() {
            @Override
            public void memoryAccess(int start, int opcode, MemArg memarg) {
              if (wanted.test(memarg)) {
                accesses.add(new Access(start, opcode, memarg));
              }
            }
          };
        });
    return new MemoryAccesses(bodies);
  }
}
