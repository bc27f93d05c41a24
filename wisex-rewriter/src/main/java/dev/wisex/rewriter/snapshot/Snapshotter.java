package dev.wisex.rewriter.snapshot;

import dev.wisex.api.WasmTrapException;
import dev.wisex.rewriter.instrument.InstrumentedModule;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.WasmInstance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Snapshot pass: reads every mutable global, scans every memory (imported ones too) for non-zero
 * data and plans the segments that will restore it, and asks each passive-segment probe whether
 * init dropped its segment — all through the instrumented exports. The plan is ranges only: the
 * rewrite copies their bytes from guest memory into the output, while the instance is still open.
 */
public final class Snapshotter {
  private static final Logger LOG = LogManager.getLogger(Snapshotter.class);
  private static final long MAX_RUN = 1L << 30;

  private Snapshotter() {}

  /**
   * @param instance the initialized instance; it must stay open until the output is written, since
   *     the snapshot's memories are read from it
   * @param instrumented where the state is exported
   */
  public static Snapshot snapshot(WasmInstance instance, InstrumentedModule instrumented) {
    Map<Integer, GlobalValue> globals = new TreeMap<>();
    instrumented
        .globalExports()
        .forEach((index, export) -> globals.put(index, instance.global(export)));

    List<GuestMemory> memories = new ArrayList<>();
    for (String export : instrumented.memoryExports()) {
      memories.add(instance.memory(export));
    }
    MemoryPlanner.Plan plan = MemoryPlanner.plan(memories, DataSegmentPlanner.MAX_SEGMENTS);
    List<RangeList> planned = plan.ranges();

    List<MemorySnapshot> snapshots = new ArrayList<>();
    for (int m = 0; m < memories.size(); m++) {
      GuestMemory memory = memories.get(m);
      RangeList r = planned.get(m);
      List<DataRun> runs = new ArrayList<>(r.size());
      for (int i = 0; i < r.size(); i++) {
        // A payload must fit a Java array; a longer run (a dense memory64) becomes consecutive
        // segments.
        for (long at = r.start(i); at < r.end(i); at += MAX_RUN) {
          runs.add(new DataRun(at, (int) Math.min(MAX_RUN, r.end(i) - at)));
        }
      }
      MemorySnapshot snapshot =
          new MemorySnapshot(m, memory.pages(), plan.nonZeroBytes()[m], runs, memory);
      LOG.debug(
          "memory {}: {} pages, {} non-zero bytes in {} segments",
          snapshot.index(),
          snapshot.pages(),
          snapshot.nonZeroBytes(),
          runs.size());
      snapshots.add(snapshot);
    }

    Set<Integer> dropped = new HashSet<>();
    instrumented
        .dataProbes()
        .forEach(
            (segment, probe) -> {
              try {
                instance.call(probe.export(), probe.selector());
              } catch (WasmTrapException e) {
                dropped.add(segment);
              }
            });
    return new Snapshot(globals, snapshots, dropped);
  }
}
