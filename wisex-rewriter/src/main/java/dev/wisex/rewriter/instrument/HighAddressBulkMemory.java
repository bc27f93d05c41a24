package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.InstructionSites;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.runtime.spi.KnownDefect;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Works around {@link dev.wisex.runtime.spi.KnownDefect#I32_ADDRESS_SIGN_EXTENSION} in the module
 * init runs in: each {@code memory.fill}, {@code memory.copy} and {@code memory.init} on a 32-bit
 * memory that can grow past 2 GiB becomes a call to an appended function with the instruction's
 * type. When every operand is below 2^31 (what the engine reads right) it runs the instruction
 * itself; otherwise it checks the bounds as the spec does (trapping before anything is written) and
 * moves the bytes with loads and stores, which take their addresses unsigned. {@code memory.init}
 * reads the segment through a one-page memory appended for it, 64 KiB at a time. The same functions
 * carry {@code memory.copy} between a memory the engine keeps in a byte array and one it keeps
 * off-heap ({@link KnownDefect#COPY_BETWEEN_HEAP_AND_OFF_HEAP_MEMORY}), a 64-bit memory among them
 * (its operands {@code i64}). The output is rewritten from the original module and never carries
 * this.
 *
 * <pre>
 * (memory.fill $m (local.get $d) (local.get $v) (local.get $n))
 * ;; becomes
 * (call $fill_m (local.get $d) (local.get $v) (local.get $n))
 * </pre>
 */
public final class HighAddressBulkMemory {
  private static final Logger LOG = LogManager.getLogger(HighAddressBulkMemory.class);

  /** The first address the engine misreads: it sign-extends the operand's top bit. */
  public static final long SIGN_BIT = 1L << 31;

  private static final byte I32 = 0x7F;
  private static final byte I64 = 0x7E;
  private static final byte[] THREE_I32 = {0x60, 3, I32, I32, I32, 0}; // (param i32 x3)
  private static final int CHUNK = 1 << 16; // the scratch memory's one page
  private static final int BLOCK = 64; // bytes one slow-path loop iteration moves

  private HighAddressBulkMemory() {}

  /**
   * The module with every bulk memory instruction an engine with {@code defects} gets wrong
   * replaced (parsed once, for the next pass); {@code module} itself when there is none.
   *
   * @param maxMemoryBytes the most bytes any memory can reach during init ({@code --max-memory} and
   *     the engine's own limit)
   * @param onHeap which memories the engine keeps in the Java heap
   */
  public static WasmModule apply(
      WasmModule module,
      long maxMemoryBytes,
      Set<KnownDefect> defects,
      Predicate<MemoryType> onHeap) {
    return apply(module, maxMemoryBytes, defects, onHeap, null);
  }

  /**
   * As above, decoding only the bodies {@code memoryBulkBodies} holds ({@link
   * dev.wisex.parser.analysis.CodeFeatures#memoryBulkBodies} of the module's own code, whose bodies
   * keep their indices through the earlier passes, which only append; {@code null}: every one).
   * ruby.wasm has 31 such instructions in 11.7 MB of code: decoding all of it took 85 ms.
   */
  public static WasmModule apply(
      WasmModule module,
      long maxMemoryBytes,
      Set<KnownDefect> defects,
      Predicate<MemoryType> onHeap,
      BitSet memoryBulkBodies) {
    boolean signExtends = defects.contains(KnownDefect.I32_ADDRESS_SIGN_EXTENSION);
    boolean kinds = defects.contains(KnownDefect.COPY_BETWEEN_HEAP_AND_OFF_HEAP_MEMORY);
    if (!signExtends && !kinds) {
      return module;
    }
    return apply(
        module,
        maxMemoryBytes,
        signExtends ? SIGN_BIT : 0,
        kinds ? onHeap : null,
        memoryBulkBodies);
  }

  /**
   * As above, with the first address that takes the slow path at {@code threshold} (a power of two
   * up to 2^31; 0 for none) instead of 2^31, so tests can exercise it in one-page memories; {@code
   * onHeap} {@code null} where copies between memory kinds work.
   */
  static WasmModule apply(
      WasmModule module, long maxMemoryBytes, long threshold, Predicate<MemoryType> onHeap) {
    return apply(module, maxMemoryBytes, threshold, onHeap, null);
  }

  private static WasmModule apply(
      WasmModule module,
      long maxMemoryBytes,
      long threshold,
      Predicate<MemoryType> onHeap,
      BitSet memoryBulkBodies) {
    if (threshold != 0 && (Long.bitCount(threshold) != 1 || threshold > SIGN_BIT)) {
      throw new IllegalArgumentException("threshold must be a power of two up to 2^31");
    }
    List<MemoryType> memories = module.allMemories();
    boolean[] high = new boolean[memories.size()];
    boolean[] heap = new boolean[memories.size()];
    boolean any = false;
    for (int m = 0; m < high.length; m++) {
      MemoryType type = memories.get(m);
      // A 32-bit memory's maximum in bytes is at most 2^32, so the shift cannot overflow.
      high[m] =
          threshold != 0
              && !type.memory64()
              && Math.min(
                      maxMemoryBytes, LimitInstrumenter.maximumPages(type) << type.pageSizeLog2())
                  > threshold;
      heap[m] = onHeap != null && onHeap.test(type);
      any |= high[m] || heap[m] != heap[0];
    }
    if (!any) {
      return module;
    }
    InstructionSites sites =
        InstructionSites.of(
            module,
            op ->
                op == InstructionSites.MEMORY_FILL
                    || op == InstructionSites.MEMORY_COPY
                    || op == InstructionSites.MEMORY_INIT,
            memoryBulkBodies);
    if (sites.isEmpty()) {
      return module;
    }
    return new Builder(module, high, heap, threshold).rewrite(sites);
  }

  /** An instruction and its immediates: what one appended function stands for. */
  private record Target(int opcode, int first, int second) {}

  private static final class Builder {
    private final WasmModule module;
    private final boolean[] high;
    private final boolean[] heap;
    private final int threshold;
    private final int scratch;
    private final AppendedFunctions appended;
    private final Map<Target, Integer> helpers = new LinkedHashMap<>();
    private boolean scratchUsed;

    Builder(WasmModule module, boolean[] high, boolean[] heap, long threshold) {
      this.module = module;
      this.high = high;
      this.heap = heap;
      this.threshold = (int) threshold;
      this.scratch = high.length;
      this.appended = new AppendedFunctions(module);
    }

    WasmModule rewrite(InstructionSites sites) {
      byte[] bytes = module.bytes();
      List<List<CodeEditor.Edit>> edits = new ArrayList<>();
      int replaced = 0;
      for (List<InstructionSites.Site> body : sites.bodies()) {
        List<CodeEditor.Edit> bodyEdits = new ArrayList<>();
        for (InstructionSites.Site site : body) {
          Target target = target(bytes, site);
          if (!affected(target)) {
            continue;
          }
          int function = helpers.computeIfAbsent(target, this::helper);
          bodyEdits.add(
              new CodeEditor.Edit(
                  site.start(), site.end(), dispatch(target, bytes, site, function)));
          replaced++;
        }
        edits.add(bodyEdits);
      }
      if (replaced == 0) {
        return module;
      }
      Map<Integer, byte[]> contents = new HashMap<>();
      appended.putSections(contents);
      contents.put(Section.CODE, CodeEditor.codeSection(module, edits::get, appended.bodies()));
      if (scratchUsed) {
        // (memory 1 1): never exported, so the snapshot and the output never see it.
        contents.put(
            Section.MEMORY,
            ModuleAssembler.appendToVector(module, Section.MEMORY, 1, new byte[] {1, 1, 1}));
      }
      LOG.debug(
          "high-address bulk memory: {} instructions through {} functions",
          replaced,
          helpers.size());
      return ModuleParser.parse(ModuleAssembler.assemble(module, contents, Set.of()));
    }

    private static Target target(byte[] bytes, InstructionSites.Site site) {
      ByteReader in = new ByteReader(bytes, site.start(), site.end());
      in.u8("prefix");
      in.u32("sub-opcode");
      int first = in.u32("immediate");
      int second = site.opcode() == InstructionSites.MEMORY_FILL ? 0 : in.u32("immediate");
      return new Target(site.opcode(), first, second);
    }

    private int log2(int memory) {
      return module.allMemories().get(memory).pageSizeLog2();
    }

    private boolean affected(Target t) {
      return switch (t.opcode()) {
        case InstructionSites.MEMORY_FILL -> high[t.first()];
        case InstructionSites.MEMORY_COPY ->
            high[t.first()] || high[t.second()] || heap[t.first()] != heap[t.second()];
        default -> high[t.second()]; // memory.init: segment, then memory
      };
    }

    private boolean memory64(int memory) {
      return module.allMemories().get(memory).memory64();
    }

    /** Whether a copy names a 64-bit memory: then some of its operands are {@code i64}. */
    private boolean wide(Target t) {
      return t.opcode() == InstructionSites.MEMORY_COPY
          && (memory64(t.first()) || memory64(t.second()));
    }

    /**
     * What replaces the instruction: while every memory it names is smaller than the threshold, no
     * operand the engine misreads can be in bounds, so the instruction itself runs (the cheap path
     * every module below 2 GiB takes); otherwise the function. A copy between memory kinds always
     * calls the function.
     *
     * <pre>
     * (if (param i32 i32 i32) (i32.lt_u (memory.size $m) (i32.const threshold_pages))
     *   (then (memory.fill $m)) (else (call $fill_m)))
     * </pre>
     */
    private byte[] dispatch(Target t, byte[] bytes, InstructionSites.Site site, int function) {
      ByteWriter out = new ByteWriter(32);
      if (wide(t)
          || t.opcode() == InstructionSites.MEMORY_COPY && heap[t.first()] != heap[t.second()]) {
        return out.u8(0x10).u32(function).toByteArray();
      }
      switch (t.opcode()) {
        case InstructionSites.MEMORY_FILL -> smallerThanThreshold(out, t.first());
        case InstructionSites.MEMORY_COPY -> {
          smallerThanThreshold(out, t.first());
          smallerThanThreshold(out, t.second());
          out.u8(0x71); // i32.and
        }
        default -> smallerThanThreshold(out, t.second());
      }
      // if with the type of the function, (i32 i32 i32) -> (), its own entry
      out.u8(0x04).s32(appended.typeIndex(function));
      out.bytes(bytes, site.start(), site.end() - site.start());
      out.u8(0x05).u8(0x10).u32(function).u8(0x0B); // else call; end
      return out.toByteArray();
    }

    /** Pushes whether memory {@code m} is smaller than the threshold (in whole pages). */
    private void smallerThanThreshold(ByteWriter out, int m) {
      long pages = Integer.toUnsignedLong(threshold) >>> log2(m);
      out.u8(0x3F).u32(m); // memory.size
      out.u8(0x41).s32((int) Math.min(pages, Integer.MAX_VALUE)).u8(0x49); // i32.lt_u
    }

    private int helper(Target t) {
      if (wide(t)) {
        int dst = t.first();
        int src = t.second();
        byte length = memory64(dst) && memory64(src) ? I64 : I32;
        byte[] type = {0x60, 3, indexType(dst), indexType(src), length, 0};
        return appended.add(type, wideCopy(dst, src));
      }
      byte[] body =
          switch (t.opcode()) {
            case InstructionSites.MEMORY_FILL -> fill(t.first());
            case InstructionSites.MEMORY_COPY -> copy(t.first(), t.second());
            default -> init(t.first(), t.second());
          };
      return appended.add(THREE_I32, body);
    }

    private byte indexType(int memory) {
      return memory64(memory) ? I64 : I32;
    }

    /**
     * {@code memory.copy} between two different memories, one or both 64-bit (parameters: the
     * destination, the source and the length, each {@code i64} where its memory is 64-bit or, for
     * the length, where both are). Every copy through it is between memories GraalWasm keeps apart
     * (a byte array and off-heap) or where a 32-bit operand may be misread, so it never runs the
     * instruction: it checks both ranges as the spec does, with unbounded arithmetic (trapping
     * before anything is written), then moves the bytes forwards with loads and stores. Locals: i64
     * 3 destination, 4 source, 5 length, 6 offset k, 7 and 8 the block's destination and source.
     */
    private byte[] wideCopy(int dst, int src) {
      Code c = new Code().locals(6, 0);
      c.get(0).extendUnless(memory64(dst)).set(3);
      c.get(1).extendUnless(memory64(src)).set(4);
      c.get(2).extendUnless(memory64(dst) && memory64(src)).set(5);
      c.rangeOutOfBounds(3, 5, 7, dst, memory64(dst), log2(dst));
      c.rangeOutOfBounds(4, 5, 7, src, memory64(src), log2(src));
      // the block's addresses: 7 = d + k, 8 = s + k
      Runnable block = () -> c.get(3).get(6).u8(0x7C).set(7).get(4).get(6).u8(0x7C).set(8);
      // pushes the destination and source addresses of the block, each as its memory takes it
      Runnable addresses = () -> c.address(7, memory64(dst)).address(8, memory64(src));
      c.i64(0).set(6);
      c.whileNot(() -> c.get(5).get(6).u8(0x7D).i64(BLOCK).u8(0x54)); // n - k < 64
      block.run();
      for (int at = 0; at < BLOCK; at += 8) {
        addresses.run();
        c.memarg(0x29, at, src).memarg(0x37, at, dst);
      }
      c.get(6).i64(BLOCK).u8(0x7C).set(6).endLoop();
      c.whileNot(() -> c.get(5).get(6).u8(0x7D).i64(8).u8(0x54)); // n - k < 8
      block.run();
      addresses.run();
      c.memarg(0x29, 0, src).memarg(0x37, 0, dst);
      c.get(6).i64(8).u8(0x7C).set(6).endLoop();
      c.whileNot(() -> c.get(6).get(5).u8(0x5A)); // k >= n
      block.run();
      addresses.run();
      c.memarg(0x2D, 0, src).memarg(0x3A, 0, dst);
      c.get(6).i64(1).u8(0x7C).set(6).endLoop();
      return c.end().bytes();
    }

    // Parameters: 0 = destination, 1 = value or source, 2 = length (all i32). The slow paths move
    // 64 bytes per loop iteration (eight 8-byte accesses at constant offsets from one address),
    // then 8, then single bytes: GraalWasm interprets on a stock JVM, where each instruction
    // counts.

    /** Locals: i64 3 end, 4 address, 5 the value in every byte; i32 6 the block's address. */
    private byte[] fill(int m) {
      Code c = new Code().locals(3, 1);
      c.fastPath(threshold, 2).get(0).get(1).get(2).u8(0xFC).u32(11).u32(m).u8(0x0F).end();
      c.get(0).extend().get(2).extend().u8(0x7C).tee(3); // end = d + n
      c.outOfBounds(m, log2(m));
      c.get(1).i32(0xFF).u8(0x71).extend().i64(0x0101_0101_0101_0101L).u8(0x7E).set(5);
      c.get(0).extend().set(4);
      c.whileNot(() -> c.get(3).get(4).u8(0x7D).i64(BLOCK).u8(0x54)); // end - a < 64
      c.get(4).wrap().set(6);
      for (int at = 0; at < BLOCK; at += 8) {
        c.get(6).get(5).memarg(0x37, at, m); // i64.store
      }
      c.get(4).i64(BLOCK).u8(0x7C).set(4).endLoop();
      c.whileNot(() -> c.get(3).get(4).u8(0x7D).i64(8).u8(0x54)); // end - a < 8
      c.get(4).wrap().get(5).memarg(0x37, 0, m);
      c.get(4).i64(8).u8(0x7C).set(4).endLoop();
      c.whileNot(() -> c.get(4).get(3).u8(0x5A)); // a >= end
      c.get(4).wrap().get(1).memarg(0x3A, 0, m); // i32.store8
      c.get(4).i64(1).u8(0x7C).set(4).endLoop();
      return c.end().bytes();
    }

    /** Locals: i64 3 offset k, 4 length n; i32 5 and 6 the block's destination and source. */
    private byte[] copy(int dst, int src) {
      Code c = new Code().locals(2, 2);
      if (heap[dst] == heap[src]) { // between memory kinds, the engine's copy never works
        c.fastPath(threshold, 3)
            .get(0)
            .get(1)
            .get(2)
            .u8(0xFC)
            .u32(10)
            .u32(dst)
            .u32(src)
            .u8(0x0F)
            .end();
      }
      c.get(0).extend().get(2).extend().tee(4).u8(0x7C).outOfBounds(dst, log2(dst));
      c.get(1).extend().get(4).u8(0x7C).outOfBounds(src, log2(src));
      if (dst == src) {
        // d > s within one memory: backwards, so each block is read before it is overwritten.
        c.get(0).get(1).u8(0x4B).u8(0x04).u8(0x40);
        c.get(4).set(3);
        c.whileNot(() -> c.get(3).i64(BLOCK).u8(0x54)); // k < 64
        c.get(3).i64(BLOCK).u8(0x7D).set(3);
        c.at(0, 3).set(5).at(1, 3).set(6);
        for (int at = BLOCK - 8; at >= 0; at -= 8) {
          c.get(5).get(6).memarg(0x29, at, src).memarg(0x37, at, dst);
        }
        c.endLoop();
        c.whileNot(() -> c.get(3).i64(8).u8(0x54)); // k < 8
        c.get(3).i64(8).u8(0x7D).set(3);
        c.at(0, 3).at(1, 3).memarg(0x29, 0, src).memarg(0x37, 0, dst).endLoop();
        c.whileNot(() -> c.get(3).u8(0x50)); // k == 0
        c.get(3).i64(1).u8(0x7D).set(3);
        c.at(0, 3).at(1, 3).memarg(0x2D, 0, src).memarg(0x3A, 0, dst).endLoop();
        c.u8(0x0F).end();
      }
      c.i64(0).set(3);
      c.whileNot(() -> c.get(4).get(3).u8(0x7D).i64(BLOCK).u8(0x54)); // n - k < 64
      c.at(0, 3).set(5).at(1, 3).set(6);
      for (int at = 0; at < BLOCK; at += 8) {
        c.get(5).get(6).memarg(0x29, at, src).memarg(0x37, at, dst);
      }
      c.get(3).i64(BLOCK).u8(0x7C).set(3).endLoop();
      c.whileNot(() -> c.get(4).get(3).u8(0x7D).i64(8).u8(0x54)); // n - k < 8
      c.at(0, 3).at(1, 3).memarg(0x29, 0, src).memarg(0x37, 0, dst);
      c.get(3).i64(8).u8(0x7C).set(3).endLoop();
      c.whileNot(() -> c.get(3).get(4).u8(0x5A)); // k >= n
      c.at(0, 3).at(1, 3).memarg(0x2D, 0, src).memarg(0x3A, 0, dst);
      c.get(3).i64(1).u8(0x7C).set(3).endLoop();
      return c.end().bytes();
    }

    /**
     * Locals: i64 3 offset k, 4 length n, 5 chunk length, 6 offset j in the chunk; i32 7 and 8 the
     * block's destination and its address in the scratch memory.
     */
    private byte[] init(int segment, int m) {
      scratchUsed = true;
      Code c = new Code().locals(4, 2);
      c.fastPath(threshold, 3)
          .get(0)
          .get(1)
          .get(2)
          .u8(0xFC)
          .u32(8)
          .u32(segment)
          .u32(m)
          .u8(0x0F)
          .end();
      c.get(0).extend().get(2).extend().tee(4).u8(0x7C).outOfBounds(m, log2(m));
      // s + n past 2^32 - 1 is past any segment; below it, a zero-length init at s + n checks the
      // segment's current length (0 once dropped) as the spec does.
      c.get(1).extend().get(4).u8(0x7C).i64(0xFFFF_FFFFL).u8(0x56).u8(0x04).u8(0x40).u8(0);
      c.end();
      c.i32(0).get(1).get(2).u8(0x6A).i32(0).u8(0xFC).u32(8).u32(segment).u32(scratch);
      c.i64(0).set(3);
      c.whileNot(() -> c.get(3).get(4).u8(0x5A)); // k >= n
      // chunk = min(n - k, 64 KiB), read into the scratch page
      c.get(4).get(3).u8(0x7D).i64(CHUNK).get(4).get(3).u8(0x7D).i64(CHUNK).u8(0x54).u8(0x1B);
      c.set(5);
      c.i32(0).get(1).get(3).wrap().u8(0x6A).get(5).wrap().u8(0xFC).u32(8).u32(segment);
      c.u32(scratch);
      c.i64(0).set(6);
      c.whileNot(() -> c.get(5).get(6).u8(0x7D).i64(BLOCK).u8(0x54)); // chunk - j < 64
      c.get(0).get(3).get(6).u8(0x7C).wrap().u8(0x6A).set(7); // d + k + j
      c.get(6).wrap().set(8);
      for (int at = 0; at < BLOCK; at += 8) {
        c.get(7).get(8).memarg(0x29, at, scratch).memarg(0x37, at, m);
      }
      c.get(6).i64(BLOCK).u8(0x7C).set(6).endLoop();
      c.whileNot(() -> c.get(5).get(6).u8(0x7D).i64(8).u8(0x54)); // chunk - j < 8
      c.get(0).get(3).get(6).u8(0x7C).wrap().u8(0x6A);
      c.get(6).wrap().memarg(0x29, 0, scratch).memarg(0x37, 0, m);
      c.get(6).i64(8).u8(0x7C).set(6).endLoop();
      c.whileNot(() -> c.get(6).get(5).u8(0x5A)); // j >= chunk
      c.get(0).get(3).get(6).u8(0x7C).wrap().u8(0x6A);
      c.get(6).wrap().memarg(0x2D, 0, scratch).memarg(0x3A, 0, m);
      c.get(6).i64(1).u8(0x7C).set(6).endLoop();
      c.get(3).get(5).u8(0x7C).set(3).endLoop();
      return c.end().bytes();
    }
  }

  /** A function body under construction, with the few shapes the helpers repeat. */
  private static final class Code {
    private final ByteWriter out = new ByteWriter(160);

    /** {@code i64s} i64 locals, then {@code i32s} i32 locals, after the three i32 parameters. */
    Code locals(int i64s, int i32s) {
      out.u8(2).u32(i64s).u8(0x7E).u32(i32s).u8(0x7F);
      return this;
    }

    Code u8(int b) {
      out.u8(b);
      return this;
    }

    Code u32(int v) {
      out.u32(v);
      return this;
    }

    Code get(int local) {
      return u8(0x20).u32(local);
    }

    Code set(int local) {
      return u8(0x21).u32(local);
    }

    Code tee(int local) {
      return u8(0x22).u32(local);
    }

    Code i32(int v) {
      out.u8(0x41).s32(v);
      return this;
    }

    Code i64(long v) {
      out.u8(0x42).s64(v);
      return this;
    }

    Code extend() {
      return u8(0xAD); // i64.extend_i32_u
    }

    Code wrap() {
      return u8(0xA7); // i32.wrap_i64
    }

    /** Widens the i32 on the stack to an i64, unless it is an i64 already ({@code wide}). */
    Code extendUnless(boolean wide) {
      return wide ? this : extend();
    }

    /** Pushes the address in i64 local {@code local} as memory {@code wide} or not takes it. */
    Code address(int local, boolean wide) {
      get(local);
      return wide ? this : wrap();
    }

    /**
     * Traps when the range of i64 locals {@code start} and {@code length} wraps past 2^64 or ends
     * past memory {@code m}'s size in bytes (unbounded arithmetic, as the spec has it); {@code end}
     * is an i64 local it may use.
     */
    Code rangeOutOfBounds(int start, int length, int end, int m, boolean wide, int pageSizeLog2) {
      get(start).get(length).u8(0x7C).tee(end).get(start).u8(0x54); // i64.lt_u: wrapped
      get(end).u8(0x3F).u32(m).extendUnless(wide).i64(pageSizeLog2).u8(0x86).u8(0x56);
      return u8(0x72).u8(0x04).u8(0x40).u8(0x00).end(); // i32.or; if unreachable end
    }

    Code end() {
      return u8(0x0B);
    }

    /** {@code if ((p0 | p1 [| p2]) <u threshold)}: every operand is one the engine reads right. */
    Code fastPath(int threshold, int operands) {
      get(0).get(2).u8(0x72);
      if (operands == 3) {
        get(1).u8(0x72);
      }
      return i32(threshold).u8(0x49).u8(0x04).u8(0x40);
    }

    /**
     * Traps when the i64 end address on the stack is past memory {@code m}'s size in bytes, its
     * pages being {@code 2^pageSizeLog2} bytes.
     */
    Code outOfBounds(int m, int pageSizeLog2) {
      u8(0x3F).u32(m).extend().i64(pageSizeLog2).u8(0x86);
      return u8(0x56).u8(0x04).u8(0x40).u8(0x00).end();
    }

    /**
     * Pushes the i32 address {@code p + wrap(k)} for parameter {@code p} and i64 local {@code k}.
     */
    Code at(int parameter, int offset) {
      return get(parameter).get(offset).wrap().u8(0x6A);
    }

    /** A load or store on memory {@code m} with a constant offset and byte alignment. */
    Code memarg(int opcode, int offset, int m) {
      u8(opcode);
      if (m == 0) {
        out.u32(0);
      } else {
        out.u32(0x40).u32(m);
      }
      out.u32(offset);
      return this;
    }

    /** {@code block loop (br_if 1 <cond>)}: the loop's body follows, closed by {@link #endLoop}. */
    Code whileNot(Runnable condition) {
      u8(0x02).u8(0x40).u8(0x03).u8(0x40);
      condition.run();
      return u8(0x0D).u8(1);
    }

    Code endLoop() {
      return u8(0x0C).u8(0).end().end();
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
