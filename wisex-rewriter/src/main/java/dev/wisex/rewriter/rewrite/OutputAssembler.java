package dev.wisex.rewriter.rewrite;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.InitRules;
import dev.wisex.api.RejectedModuleException;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.ConstExpr;
import dev.wisex.parser.DataSegment;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Global;
import dev.wisex.parser.Import;
import dev.wisex.parser.Interruption;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.Section;
import dev.wisex.parser.SectionBody;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.InitOnceFlag;
import dev.wisex.parser.write.DataSectionWriter;
import dev.wisex.parser.write.ImportSectionEncoder;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.parser.write.ModuleWriter;
import dev.wisex.parser.write.SectionEncoder;
import dev.wisex.rewriter.heap.HeapBudget;
import dev.wisex.rewriter.names.WasiNames;
import dev.wisex.rewriter.snapshot.DataRun;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.runtime.spi.GlobalValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The rewrite stage: assembles the output from the original module (not the instrumented one) and
 * the snapshot. Mutable globals get constant initializers, memory minimums rise to the snapshot's
 * size (an imported memory keeps its import, with the raised minimum), the snapshot's data becomes
 * active segments, the start section and init export go, and everything else is copied as it stood.
 * An imported shared memory is the exception: its snapshot is applied once across all instances
 * sharing it by a generated start function (see {@link OnceInitializer}).
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
public final class OutputAssembler {
  private static final Logger LOG = LogManager.getLogger(OutputAssembler.class);

  private OutputAssembler() {}

  /**
   * The rewritten module, how many data segments it has, and how many globals got a new
   * initializer.
   */
  public record Output(byte[] bytes, int dataSegments, int globalsChanged) {}

  /**
   * Builds the output in one array of its exact size, copying each snapshot segment's bytes from
   * guest memory into place, so the snapshot's instance must still be open.
   *
   * @throws RejectedModuleException if the output would be larger than one array holds
   */
  public static Output assemble(WasmModule module, Snapshot snapshot, InitRules rules) {
    return assemble(module, InitOnceFlag.of(module), snapshot, rules);
  }

  /**
   * As {@link #assemble(WasmModule, Snapshot, InitRules)}, with the once-flag that validation
   * found.
   *
   * @param flag the module's once-flag, as {@link InitOnceFlag#of} gives it
   */
  public static Output assemble(
      WasmModule module, Optional<InitOnceFlag> flag, Snapshot snapshot, InitRules rules) {
    Map<Integer, SectionBody> contents = new HashMap<>();
    Set<Integer> removed = new HashSet<>();
    removed.add(Section.START);
    Map<Integer, MemorySnapshot> byIndex = new HashMap<>();
    snapshot.memories().forEach(m -> byIndex.put(m.index(), m));

    if (module.importCount(ExternalKind.MEMORY) > 0) {
      contents.put(
          Section.IMPORT,
          SectionBody.of(
              ImportSectionEncoder.withMemories(module, importedMemories(module, byIndex))));
    }
    if (!module.memories().isEmpty()) {
      contents.put(
          Section.MEMORY, SectionBody.of(SectionEncoder.memories(memories(module, byIndex))));
    }
    int globalsChanged = 0;
    if (!module.globals().isEmpty()) {
      List<Global> globals = globals(module, snapshot);
      for (int i = 0; i < globals.size(); i++) {
        if (!Arrays.equals(globals.get(i).initExpr(), module.globals().get(i).initExpr())) {
          globalsChanged++;
        }
      }
      contents.put(Section.GLOBAL, SectionBody.of(SectionEncoder.globals(globals)));
    }
    if (module.section(Section.EXPORT).isPresent()) {
      contents.put(Section.EXPORT, SectionBody.of(SectionEncoder.exports(exports(module, rules))));
    }
    List<OnceInitializer.Segment> once = new ArrayList<>();
    DataSectionWriter data = data(module, snapshot, flag, once);
    if (data.count() > 0) {
      contents.put(Section.DATA, data);
    } else {
      removed.add(Section.DATA);
    }
    if (module.section(Section.DATA_COUNT).isPresent() || !once.isEmpty()) {
      contents.put(Section.DATA_COUNT, SectionBody.of(SectionEncoder.dataCount(data.count())));
    }
    if (!once.isEmpty()) {
      addStartFunction(module, OnceInitializer.startBody(flag.orElseThrow(), once), contents);
      removed.remove(Section.START);
    }
    ModuleWriter layout = ModuleAssembler.layout(module, contents, removed);
    OutputSize.check(layout.size(), snapshot);
    HeapBudget.jvm()
        .reserve(layout.size(), "writing the output module (" + layout.size() + " bytes)");
    byte[] bytes = layout.toByteArray();
    LOG.debug("rewritten: {} bytes, {} data segments", bytes.length, data.count());
    return new Output(bytes, data.count(), globalsChanged);
  }

  /**
   * Adds a {@code [] -> []} function with this body and makes it the start function (the original
   * start function ran during init and stays only as an unreferenced function).
   */
  private static void addStartFunction(
      WasmModule module, byte[] body, Map<Integer, SectionBody> contents) {
    int type = module.types().size();
    int function = module.importCount(ExternalKind.FUNCTION) + module.functionTypes().length;
    contents.put(
        Section.TYPE,
        SectionBody.of(
            ModuleAssembler.appendToVector(module, Section.TYPE, 1, new byte[] {0x60, 0, 0})));
    contents.put(
        Section.FUNCTION,
        SectionBody.of(
            ModuleAssembler.appendToVector(
                module, Section.FUNCTION, 1, new ByteWriter(5).u32(type).toByteArray())));
    contents.put(
        Section.CODE,
        SectionBody.of(
            ModuleAssembler.appendToVector(
                module,
                Section.CODE,
                1,
                new ByteWriter(body.length + 5).u32(body.length).bytes(body).toByteArray())));
    contents.put(Section.START, SectionBody.of(new ByteWriter(5).u32(function).toByteArray()));
  }

  /**
   * Imported memories keep their import; the minimum rises to the snapshot's size. The engine
   * enforced the maximum during init, so the snapshot never exceeds it.
   */
  private static List<MemoryType> importedMemories(
      WasmModule module, Map<Integer, MemorySnapshot> byIndex) {
    List<MemoryType> out = new ArrayList<>();
    List<Import> imports = module.imports(ExternalKind.MEMORY);
    for (int i = 0; i < imports.size(); i++) {
      out.add(raised(imports.get(i).memory(), snapshotOf(byIndex, i)));
    }
    return out;
  }

  private static List<MemoryType> memories(
      WasmModule module, Map<Integer, MemorySnapshot> byIndex) {
    int imported = module.importCount(ExternalKind.MEMORY);
    List<MemoryType> out = new ArrayList<>();
    for (int i = 0; i < module.memories().size(); i++) {
      out.add(raised(module.memories().get(i), snapshotOf(byIndex, imported + i)));
    }
    return out;
  }

  private static MemorySnapshot snapshotOf(Map<Integer, MemorySnapshot> byIndex, int index) {
    MemorySnapshot m = byIndex.get(index);
    if (m == null) {
      throw new IllegalStateException("the snapshot has no memory " + index);
    }
    return m;
  }

  private static MemoryType raised(MemoryType type, MemorySnapshot m) {
    if (type.hasMaximum() && m.pages() > type.maximum()) {
      // An engine enforces the maximum, so only an invalid module (minimum above maximum) gets
      // here.
      throw new InitFailedException(
          "memory "
              + m.index()
              + " has "
              + m.pages()
              + " pages after init, above its declared maximum of "
              + type.maximum());
    }
    return type.withMinimum(Math.max(type.minimum(), m.pages()));
  }

  private static List<Global> globals(WasmModule module, Snapshot snapshot) {
    int imported = module.importCount(ExternalKind.GLOBAL);
    List<Global> out = new ArrayList<>();
    for (int i = 0; i < module.globals().size(); i++) {
      if ((i & 0xFFF) == 0) {
        Interruption.check();
      }
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
  private static List<Export> exports(WasmModule module, InitRules rules) {
    Map<String, String> renames = rules.renameFuncs(); // dst -> src
    Map<String, String> bySource = new HashMap<>();
    renames.forEach((dst, src) -> bySource.put(src, dst));
    List<Export> out = new ArrayList<>();
    for (Export e : module.exports()) {
      String name = e.name();
      boolean isInit = name.equals(rules.initFunc()) && e.kind() == ExternalKind.FUNCTION;
      if (isInit && !rules.keepInitFunc()) {
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

  /**
   * Original segments first (when code can name them), then the snapshot: active segments, except
   * for an imported shared memory, whose snapshot becomes passive segments listed in {@code once}
   * for the start function to apply once.
   */
  private static DataSectionWriter data(
      WasmModule module,
      Snapshot snapshot,
      Optional<InitOnceFlag> flag,
      List<OnceInitializer.Segment> once) {
    DataSectionWriter out = new DataSectionWriter();
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
      if (flag.isPresent() && flag.get().memory() == m.index()) {
        for (DataRun run : OnceInitializer.withoutFlag(m.runs(), flag.get(), m.memory())) {
          once.add(new OnceInitializer.Segment(out.count(), run.offset(), run.length()));
          out.passive(new GuestPayload(m.memory(), run));
        }
        continue;
      }
      boolean memory64 = all.get(m.index()).memory64();
      for (DataRun run : m.runs()) {
        out.active(
            m.index(),
            ConstExpr.address(run.offset(), memory64),
            new GuestPayload(m.memory(), run));
      }
    }
    return out;
  }
}
