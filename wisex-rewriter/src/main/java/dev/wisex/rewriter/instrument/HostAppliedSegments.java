package dev.wisex.rewriter.instrument;

import dev.wisex.api.VerificationFailedException;
import dev.wisex.api.WisexException;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.rewriter.names.ReservedNames;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.KnownDefect;
import dev.wisex.runtime.spi.WasmInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Active data segments the host writes instead of the engine, for an engine with {@link
 * KnownDefect#I32_ADDRESS_SIGN_EXTENSION}: from the first segment at an {@code i32} offset of 2 GiB
 * or more on, every active segment of that memory becomes passive in the module the engine gets,
 * and {@link #apply} writes them after instantiation in segment order, as the spec applies them (a
 * later segment over an earlier one wins). The start function, which the spec runs after the
 * segments, is exported and the start section removed, so {@link #apply} calls it last. Used for
 * the output when verifying it and for the input in init ({@code InitRunner} writes the segments
 * with {@link #write} and calls the start function as it calls a metered one).
 *
 * <pre>
 * (data (i32.const 0xA0000000) "Z")  (start $s)
 * ;; the engine gets
 * (data "Z")  (export "__wisex_start" (func $s))  ;; and the host writes "Z" at 0xA0000000
 * </pre>
 *
 * @param bytes the module the engine instantiates
 * @param segments what {@link #apply} writes, in order
 * @param startExport the start function to call after them, if the module has one
 */
public record HostAppliedSegments(
    byte[] bytes, List<Segment> segments, Optional<String> startExport) {

  /**
   * One segment the host writes.
   *
   * @param index the segment's index
   * @param memory its memory's index
   * @param address where its payload goes
   * @param source the module array holding its payload
   * @param payloadOffset where the payload starts in {@code source}
   * @param length the payload's length
   */
  public record Segment(
      int index, int memory, long address, byte[] source, int payloadOffset, int length) {}

  public HostAppliedSegments {
    segments = List.copyOf(segments);
  }

  /** True when {@code module} has an active segment this class must apply on such an engine. */
  public static boolean needed(WasmModule module) {
    for (DataSegment s : module.data()) {
      if (at(module, s, HighAddressBulkMemory.SIGN_BIT)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param module the module the engine would get, parsed
   * @return {@code module}'s bytes unchanged with no segments when {@link #needed} is false
   * @throws WisexException if a segment to apply has an offset other than one constant (it could
   *     only be evaluated by the engine that gets it wrong)
   */
  public static HostAppliedSegments plan(WasmModule module) {
    return plan(module, HighAddressBulkMemory.SIGN_BIT);
  }

  /** As {@link #plan(WasmModule)}, moving segments from the first at {@code from} or above. */
  static HostAppliedSegments plan(WasmModule module, long from) {
    boolean[] hostMemory = new boolean[module.allMemories().size()];
    List<Segment> applied = new ArrayList<>();
    ByteWriter data = new ByteWriter(module.bytes().length);
    List<DataSegment> segments = module.data();
    for (int i = 0; i < segments.size(); i++) {
      DataSegment s = segments.get(i);
      if (s.active()) {
        hostMemory[s.memoryIndex()] |= at(module, s, from);
      }
      if (s.active() && hostMemory[s.memoryIndex()]) {
        OptionalLong offset = s.constantOffset();
        if (offset.isEmpty()) {
          throw new WisexException(
              "data segment "
                  + i
                  + " follows one at 2 GiB or above in memory "
                  + s.memoryIndex()
                  + ", and its offset is not a constant, so it cannot be applied in order on"
                  + " this engine; use a runtime without this defect");
        }
        applied.add(
            new Segment(
                i,
                s.memoryIndex(),
                offset.getAsLong(),
                module.bytes(),
                s.payloadOffset(),
                s.payloadLength()));
        data.u8(1); // passive
      } else if (s.active()) {
        data.u8(2).u32(s.memoryIndex()).bytes(s.offsetExpr());
      } else {
        data.u8(1);
      }
      data.u32(s.payloadLength()).bytes(module.bytes(), s.payloadOffset(), s.payloadLength());
    }
    if (applied.isEmpty()) {
      return new HostAppliedSegments(module.bytes(), List.of(), Optional.empty());
    }
    Map<Integer, byte[]> contents = new HashMap<>();
    contents.put(
        Section.DATA,
        new ByteWriter(data.size() + 5)
            .u32(segments.size())
            .bytes(data.toByteArray())
            .toByteArray());
    Optional<String> start = Optional.empty();
    if (module.start() >= 0) {
      contents.put(
          Section.EXPORT,
          ModuleAssembler.appendExports(
              module,
              List.of(new Export(ReservedNames.START, ExternalKind.FUNCTION, module.start()))));
      start = Optional.of(ReservedNames.START);
    }
    byte[] bytes = ModuleAssembler.assemble(module, contents, Set.of(Section.START));
    // The new module holds each payload too: apply reads them from there, not from the input.
    WasmModule rewritten = ModuleParser.parse(bytes);
    List<Segment> relocated = new ArrayList<>(applied.size());
    for (Segment s : applied) {
      DataSegment now = rewritten.data().get(s.index());
      relocated.add(
          new Segment(s.index(), s.memory(), s.address(), bytes, now.payloadOffset(), s.length()));
    }
    return new HostAppliedSegments(bytes, relocated, start);
  }

  /**
   * Writes the segments into a fresh instance of {@link #bytes}, then calls its start function.
   *
   * @param memoryExports the export of each memory, by index
   * @throws VerificationFailedException if a segment does not fit its memory (the spec's
   *     instantiation would trap)
   */
  public void apply(WasmInstance instance, List<String> memoryExports) {
    write(
        segments,
        instance,
        memoryExports,
        misfit ->
            new VerificationFailedException(
                "verification failed: " + misfit + " the output traps"));
    startExport.ifPresent(instance::call);
  }

  /**
   * Writes {@code segments} into {@code instance}'s memories, in order, as the spec's instantiation
   * does.
   *
   * @param memoryExports the export of each memory, by index
   * @param misfit the failure for a segment that does not fit its memory, given "data segment N
   *     (...) does not fit memory M (...), so instantiating"
   */
  public static void write(
      List<Segment> segments,
      WasmInstance instance,
      List<String> memoryExports,
      Function<String, RuntimeException> misfit) {
    for (Segment s : segments) {
      GuestMemory memory = instance.memory(memoryExports.get(s.memory()));
      if (Long.compareUnsigned(s.address(), memory.byteSize()) > 0
          || memory.byteSize() - s.address() < s.length()) {
        throw misfit.apply(
            String.format(
                "data segment %d (%d bytes at 0x%X) does not fit memory %d (%d bytes), so"
                    + " instantiating",
                s.index(), s.length(), s.address(), s.memory(), memory.byteSize()));
      }
      memory.write(s.address(), s.source(), s.payloadOffset(), s.length());
    }
  }

  /** An active segment of an {@code i32} memory whose constant offset is {@code from} or above. */
  private static boolean at(WasmModule module, DataSegment s, long from) {
    if (!s.active() || module.allMemories().get(s.memoryIndex()).memory64()) {
      return false;
    }
    OptionalLong offset = s.constantOffset();
    // Only a constant can be seen here; a global.get offset of 2 GiB or more still reaches the
    // engine (and fails there, loudly: a negative address is out of bounds).
    return offset.isPresent() && offset.getAsLong() >= from;
  }
}
