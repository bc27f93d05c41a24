package dev.wisex.rewriter.rewrite;

import dev.wisex.api.RejectedModuleException;
import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.analysis.InitOnceFlag;
import dev.wisex.rewriter.snapshot.DataRun;
import dev.wisex.runtime.spi.GuestMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the snapshot of an imported shared memory once across every instance that shares it, the
 * way wasm-ld's {@code __wasm_init_memory} does: the snapshot becomes passive segments and a
 * generated start function claims the module's own once-flag (see {@link InitOnceFlag}), so that
 * the first instance copies the segments in and every later one (another thread) leaves the memory
 * alone. The flag word itself is never part of a segment: writing it early would let a waiting
 * instance run before the copy is complete.
 *
 * <pre>
 * block $drop block $wait block $init
 *   (i32.atomic.rmw.cmpxchg (i32.const FLAG) (i32.const 0) (i32.const 1))
 *   br_table $init $wait $drop        ;; 0: we won, 1: someone is copying, else: done
 * end
 *   (memory.init $s (i32.const OFFSET) (i32.const 0) (i32.const LENGTH)) ...
 *   (i32.atomic.store (i32.const FLAG) (i32.const 2))
 *   (drop (memory.atomic.notify (i32.const FLAG) (i32.const -1)))
 *   br $drop
 * end
 *   loop (br_if 0 (i32.eqz (memory.atomic.wait32 (i32.const FLAG) (i32.const 1) (i64.const -1)))) end
 * end
 * (data.drop $s) ...                  ;; every instance drops its own copy of the segments
 * </pre>
 */
final class OnceInitializer {
  /** A snapshot segment: its index in the data section, where it goes, how long it is. */
  record Segment(int index, long offset, int length) {}

  private OnceInitializer() {}

  /**
   * The runs with the flag word cut out, after checking that init left the flag initialized: any
   * other value means the start-up protocol did not run as the linker wrote it, and a start
   * function built on it could not be trusted.
   */
  static List<DataRun> withoutFlag(List<DataRun> runs, InitOnceFlag flag, GuestMemory memory) {
    long from = flag.address();
    long to = from + 4;
    long value = 0;
    List<DataRun> out = new ArrayList<>();
    for (DataRun run : runs) {
      long start = run.offset();
      long end = run.end();
      if (end <= from || start >= to) {
        out.add(run);
        continue;
      }
      // Bytes outside every run are zero, so only the flag's bytes inside runs are read.
      long at = Math.max(start, from);
      byte[] flagBytes = new byte[(int) (Math.min(end, to) - at)];
      memory.read(at, flagBytes, 0, flagBytes.length);
      for (int i = 0; i < flagBytes.length; i++) {
        value |= (flagBytes[i] & 0xFFL) << (8 * (at + i - from));
      }
      if (start < from) {
        out.add(new DataRun(start, (int) (from - start)));
      }
      if (end > to) {
        out.add(new DataRun(to, (int) (end - to)));
      }
    }
    if (value != InitOnceFlag.INITIALIZED) {
      throw new RejectedModuleException(
          "the shared memory's init-once flag at address "
              + from
              + " holds "
              + value
              + " after init instead of "
              + InitOnceFlag.INITIALIZED
              + " (initialized); the module's start function did not initialize memory as the"
              + " linker's __wasm_init_memory does, so wisex cannot apply the snapshot once");
    }
    return out;
  }

  /** The start function's body (locals included) for these segments. */
  static byte[] startBody(InitOnceFlag flag, List<Segment> segments) {
    ByteWriter body = new ByteWriter(64 + 16 * segments.size());
    body.u8(0); // no locals
    body.u8(0x02).u8(0x40).u8(0x02).u8(0x40).u8(0x02).u8(0x40); // $drop, $wait, $init
    address(body, flag).u8(0x41).s32(0).u8(0x41).s32(1);
    atomic(body, 0x48, flag); // i32.atomic.rmw.cmpxchg
    body.u8(0x0E).u32(2).u32(0).u32(1).u32(2); // br_table $init $wait $drop
    body.u8(0x0B); // end $init: this instance won
    for (Segment s : segments) {
      body.u8(0x41).s32((int) s.offset()).u8(0x41).s32(0).u8(0x41).s32(s.length());
      body.u8(0xFC).u32(8).u32(s.index()).u32(flag.memory()); // memory.init
    }
    address(body, flag).u8(0x41).s32(InitOnceFlag.INITIALIZED);
    atomic(body, 0x17, flag); // i32.atomic.store
    address(body, flag).u8(0x41).s32(-1);
    atomic(body, 0x00, flag).u8(0x1A); // memory.atomic.notify, drop
    body.u8(0x0C).u32(1); // br $drop
    body.u8(0x0B); // end $wait: another instance is copying
    body.u8(0x03).u8(0x40); // loop: wait until the flag is no longer 1
    address(body, flag).u8(0x41).s32(1).u8(0x42).s64(-1);
    atomic(body, 0x01, flag); // memory.atomic.wait32: 0 woken, 1 not-equal
    body.u8(0x45).u8(0x0D).u32(0); // i32.eqz, br_if loop
    body.u8(0x0B); // end loop
    body.u8(0x0B); // end $drop
    for (Segment s : segments) {
      body.u8(0xFC).u32(9).u32(s.index()); // data.drop
    }
    body.u8(0x0B);
    return body.toByteArray();
  }

  private static ByteWriter address(ByteWriter body, InitOnceFlag flag) {
    return body.u8(0x41).s32((int) flag.address());
  }

  /** An atomic access with a naturally aligned memarg (offset 0) on the flag's memory. */
  private static ByteWriter atomic(ByteWriter body, int op, InitOnceFlag flag) {
    body.u8(0xFE).u32(op);
    if (flag.memory() == 0) {
      return body.u32(2).u32(0);
    }
    return body.u32(2 | 0x40).u32(flag.memory()).u32(0);
  }
}
