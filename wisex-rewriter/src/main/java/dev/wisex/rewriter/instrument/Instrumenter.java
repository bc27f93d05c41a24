package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Interruption;
import dev.wisex.parser.Section;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.rewriter.names.ReservedNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Instrumentation pass: exports every mutable global and every memory under reserved names, so any
 * backend can read the state through exports alone, and leaves out the custom sections, which no
 * engine needs and some reject when malformed.
 *
 * <p>It also adds probe functions for the passive data segments that init might drop, because no
 * engine API tells whether a segment was dropped. A probe runs {@code memory.init} of one byte at
 * source offset 1 with length 0, which traps exactly when the segment is empty, and an empty
 * segment is indistinguishable from a dropped one. One probe function serves up to {@value
 * #SEGMENTS_PER_PROBE} segments, its parameter selecting one through a {@code br_table}: a function
 * per segment made Chicory's compile superlinear (20,000 of them: 5.9 s, 40,000 segments in all;
 * 50,000: 39 s). Before/after, for a module with one global and a memory:
 *
 * <pre>
 * (global (mut i32) (i32.const 0)) (memory 1)
 * ;; becomes
 * (global (mut i32) (i32.const 0)) (memory 1)
 * (export "__wisex_global_0" (global 0)) (export "__wisex_memory_0" (memory 0))
 * </pre>
 */
public final class Instrumenter {
  private static final Logger LOG = LogManager.getLogger(Instrumenter.class);

  /**
   * Segments one probe function selects among: its {@code br_table} nests as many blocks, which
   * every engine handles in linear time at this size.
   */
  public static final int SEGMENTS_PER_PROBE = 256;

  private Instrumenter() {}

  public static InstrumentedModule instrument(WasmModule module, CodeFeatures code) {
    Map<Integer, String> globalExports = new LinkedHashMap<>();
    List<String> memoryExports = new ArrayList<>();
    Map<Integer, DataProbe> probes = new LinkedHashMap<>();
    ByteWriter exports = new ByteWriter();
    int exportCount = 0;

    int importedGlobals = module.importCount(ExternalKind.GLOBAL);
    for (int i = 0; i < module.globals().size(); i++) {
      if ((i & 0xFFF) == 0) {
        Interruption.check();
      }
      if (module.globals().get(i).type().mutable()) {
        int index = importedGlobals + i;
        String name = ReservedNames.global(index);
        exports.name(name).u8(ExternalKind.GLOBAL.code()).u32(index);
        exportCount++;
        globalExports.put(index, name);
      }
    }
    // Imported memories too: the export makes an imported memory readable like a defined one.
    for (int index = 0; index < module.allMemories().size(); index++) {
      String name = ReservedNames.memory(index);
      exports.name(name).u8(ExternalKind.MEMORY.code()).u32(index);
      exportCount++;
      memoryExports.add(name);
    }

    Map<Integer, byte[]> contents = new HashMap<>();
    List<Integer> probed = segmentsToProbe(module, code);
    if (!probed.isEmpty()) {
      int typeIndex = module.types().size();
      contents.put(
          Section.TYPE,
          ModuleAssembler.appendToVector(
              module, Section.TYPE, 1, new byte[] {0x60, 1, (byte) ValueType.I32.code(), 0}));
      ByteWriter functions = new ByteWriter();
      ByteWriter bodies = new ByteWriter();
      int firstFunction = module.importCount(ExternalKind.FUNCTION) + module.functionTypes().length;
      boolean memory64 = module.allMemories().get(0).memory64();
      int groups = 0;
      for (int first = 0; first < probed.size(); first += SEGMENTS_PER_PROBE) {
        List<Integer> group =
            probed.subList(first, Math.min(probed.size(), first + SEGMENTS_PER_PROBE));
        functions.u32(typeIndex);
        byte[] body = probeBody(group, memory64);
        bodies.u32(body.length).bytes(body);
        String name = ReservedNames.dataProbe(groups);
        exports.name(name).u8(ExternalKind.FUNCTION.code()).u32(firstFunction + groups);
        exportCount++;
        for (int k = 0; k < group.size(); k++) {
          probes.put(group.get(k), new DataProbe(name, k));
        }
        groups++;
      }
      contents.put(
          Section.FUNCTION,
          ModuleAssembler.appendToVector(
              module, Section.FUNCTION, groups, functions.toByteArray()));
      contents.put(
          Section.CODE,
          ModuleAssembler.appendToVector(module, Section.CODE, groups, bodies.toByteArray()));
    }
    if (exportCount > 0) {
      contents.put(
          Section.EXPORT,
          ModuleAssembler.appendToVector(
              module, Section.EXPORT, exportCount, exports.toByteArray()));
    }
    // Engines get no custom sections: the spec says a malformed one (a `name` section with bad
    // UTF-8, say) must not invalidate a module, yet engines reject it. The output keeps them.
    byte[] bytes =
        contents.isEmpty() && module.sections().stream().noneMatch(s -> s.id() == Section.CUSTOM)
            ? module.bytes()
            : ModuleAssembler.assemble(module, contents, Set.of(Section.CUSTOM));
    LOG.debug(
        "instrumented: {} globals, {} memories, {} data-segment probes exported",
        globalExports.size(),
        memoryExports.size(),
        probes.size());
    return new InstrumentedModule(bytes, globalExports, memoryExports, probes);
  }

  /**
   * Passive segments whose dropped state can differ after init: non-empty ones that some {@code
   * data.drop} names. Without a memory no probe can run (and no segment can be used).
   */
  private static List<Integer> segmentsToProbe(WasmModule module, CodeFeatures code) {
    List<Integer> probed = new ArrayList<>();
    if (module.allMemories().isEmpty()) {
      return probed;
    }
    List<DataSegment> data = module.data();
    for (int i = 0; i < data.size(); i++) {
      if (!data.get(i).active()
          && data.get(i).payloadLength() > 0
          && code.droppedDataSegments().get(i)) {
        probed.add(i);
      }
    }
    return probed;
  }

  /**
   * A function of one {@code i32} that runs, for selector {@code k}, {@code memory.init
   * segments[k]} with dest 0, source 1, length 0, which traps iff that segment is empty: as many
   * nested blocks as segments, a {@code br_table} in the innermost, and after the end of block
   * {@code k} segment {@code k}'s {@code memory.init} and a {@code return}.
   */
  private static byte[] probeBody(List<Integer> segments, boolean memory64) {
    int count = segments.size();
    ByteWriter body = new ByteWriter(16 + count * 16);
    body.u8(0); // no locals
    for (int k = 0; k < count; k++) {
      body.u8(0x02).u8(0x40); // block, no result
    }
    body.u8(0x20).u32(0); // local.get 0
    body.u8(0x0E).u32(count - 1); // br_table: selectors 0..count-2, the last one by default
    for (int k = 0; k < count; k++) {
      body.u32(k);
    }
    for (int k = 0; k < count; k++) {
      body.u8(0x0B); // end of block k: selector k lands here
      body.u8(memory64 ? 0x42 : 0x41).u8(0); // destination address
      body.u8(0x41).u8(1); // source offset 1
      body.u8(0x41).u8(0); // length 0
      body.u8(0xFC).u32(8).u32(segments.get(k)).u8(0); // memory.init segment, memory 0
      body.u8(0x0F); // return
    }
    body.u8(0x0B);
    return body.toByteArray();
  }
}
