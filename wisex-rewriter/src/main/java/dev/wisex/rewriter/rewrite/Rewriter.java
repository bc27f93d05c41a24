package dev.wisex.rewriter.rewrite;

import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ConstExpr;
import dev.wisex.parser.DataSectionWriter;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Global;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleAssembler;
import dev.wisex.parser.Section;
import dev.wisex.parser.SectionEncoder;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.names.WasiNames;
import dev.wisex.rewriter.snapshot.DataRun;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.runtime.spi.GlobalValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Final rewrite pass: builds the output from the original module (not the instrumented one) and the
 * snapshot. Mutable globals get constant initializers, memory minimums rise to the snapshot's size,
 * the snapshot's data becomes active segments, the start section and init export go, and everything
 * else is copied as it stood.
 *
 * <pre>
 * (global (mut i32) (i32.const 0)) (start $init) (export "wizex.initialize" (func $init))
 * ;; becomes, after init stored 42
 * (global (mut i32) (i32.const 42)) (data (i32.const 1024) "...")
 * </pre>
 *
 * <p>Original data segments keep their indices when code can name them (a data count section
 * exists): active ones and dropped passive ones become empty passive segments, which behave exactly
 * as dropped ones; live passive ones keep their bytes, so {@code memory.init} keeps working after
 * the rewrite. Without a data count section no code can name a segment, so the original segments
 * are left out.
 */
public final class Rewriter {
  private static final Logger LOG = LogManager.getLogger(Rewriter.class);

  private Rewriter() {}

  /** The rewritten module and how many data segments it has. */
  public record Output(byte[] bytes, int dataSegments) {}

  public static Output rewrite(WasmModule module, Snapshot snapshot, WisexOptions options) {
    Map<Integer, byte[]> contents = new HashMap<>();
    Set<Integer> removed = new HashSet<>();
    removed.add(Section.START);

    if (!module.memories().isEmpty()) {
      contents.put(Section.MEMORY, SectionEncoder.memories(memories(module, snapshot)));
    }
    if (!module.globals().isEmpty()) {
      contents.put(Section.GLOBAL, SectionEncoder.globals(globals(module, snapshot)));
    }
    if (module.section(Section.EXPORT).isPresent()) {
      contents.put(Section.EXPORT, SectionEncoder.exports(exports(module, options)));
    }
    DataSectionWriter data = data(module, snapshot);
    if (data.count() > 0) {
      contents.put(Section.DATA, data.toContent());
    } else {
      removed.add(Section.DATA);
    }
    if (module.section(Section.DATA_COUNT).isPresent()) {
      contents.put(Section.DATA_COUNT, SectionEncoder.dataCount(data.count()));
    }
    byte[] bytes = ModuleAssembler.assemble(module, contents, removed);
    LOG.debug("rewritten: {} bytes, {} data segments", bytes.length, data.count());
    return new Output(bytes, data.count());
  }

  private static List<MemoryType> memories(WasmModule module, Snapshot snapshot) {
    int imported = module.importCount(ExternalKind.MEMORY);
    List<MemoryType> out = new ArrayList<>();
    for (int i = 0; i < module.memories().size(); i++) {
      MemorySnapshot m = snapshot.memories().get(i);
      if (m.index() != imported + i) {
        throw new IllegalStateException(
            "snapshot memory " + m.index() + " does not match memory " + (imported + i));
      }
      out.add(module.memories().get(i).withMinimum(m.pages()));
    }
    return out;
  }

  private static List<Global> globals(WasmModule module, Snapshot snapshot) {
    int imported = module.importCount(ExternalKind.GLOBAL);
    List<Global> out = new ArrayList<>();
    for (int i = 0; i < module.globals().size(); i++) {
      Global g = module.globals().get(i);
      GlobalValue value = snapshot.globals().get(imported + i);
      out.add(value == null ? g : new Global(g.type(), constant(value)));
    }
    return out;
  }

  private static byte[] constant(GlobalValue value) {
    return switch (value.type()) {
      case I32 -> ConstExpr.i32((int) value.low());
      case I64 -> ConstExpr.i64(value.low());
      case F32 -> ConstExpr.f32Bits((int) value.low());
      case F64 -> ConstExpr.f64Bits(value.low());
      case V128 -> ConstExpr.v128(value.low(), value.high());
      case FUNCREF, EXTERNREF ->
          throw new IllegalStateException("reference globals are rejected before init");
    };
  }

  /**
   * Wizer's export rules: drop init (unless kept) and {@code _initialize}, then apply {@code
   * dst=src} renames.
   */
  private static List<Export> exports(WasmModule module, WisexOptions options) {
    Map<String, String> renames = options.renameFuncs(); // dst -> src
    Map<String, String> bySource = new HashMap<>();
    renames.forEach((dst, src) -> bySource.put(src, dst));
    List<Export> out = new ArrayList<>();
    for (Export e : module.exports()) {
      String name = e.name();
      boolean isInit = name.equals(options.initFunc()) && e.kind() == ExternalKind.FUNCTION;
      if (isInit && !options.keepInitFunc()) {
        continue;
      }
      if (name.equals(WasiNames.REACTOR_INIT)
          && e.kind() == ExternalKind.FUNCTION
          && !bySource.containsKey(name)) {
        continue;
      }
      if (bySource.containsKey(name)) {
        out.add(new Export(bySource.get(name), e.kind(), e.index()));
      } else if (!renames.containsKey(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static DataSectionWriter data(WasmModule module, Snapshot snapshot) {
    long payload = snapshot.memories().stream().mapToLong(MemorySnapshot::segmentBytes).sum();
    DataSectionWriter out =
        new DataSectionWriter((int) Math.min(Integer.MAX_VALUE - 64, payload + 1024));
    if (module.section(Section.DATA_COUNT).isPresent()) {
      List<DataSegment> segments = module.data();
      for (int i = 0; i < segments.size(); i++) {
        DataSegment s = segments.get(i);
        if (s.active() || snapshot.droppedSegments().contains(i)) {
          out.passive(new byte[0], 0, 0);
        } else {
          out.passive(module.bytes(), s.payloadOffset(), s.payloadLength());
        }
      }
    }
    List<MemoryType> all = module.allMemories();
    for (MemorySnapshot m : snapshot.memories()) {
      boolean memory64 = all.get(m.index()).memory64();
      for (DataRun run : m.runs()) {
        out.active(
            m.index(),
            ConstExpr.address(run.offset(), memory64),
            run.bytes(),
            0,
            run.bytes().length);
      }
    }
    return out;
  }
}
