package dev.wisex.rewriter;

import dev.wisex.api.VerificationFailedException;
import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.code.CodeScanner;
import dev.wisex.rewriter.init.ImportLinker;
import dev.wisex.rewriter.instrument.InstrumentedModule;
import dev.wisex.rewriter.instrument.Instrumenter;
import dev.wisex.rewriter.snapshot.DataRun;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code --verify}: instantiates the written module without running init and proves that every
 * snapshotted global and every memory byte equals the snapshot, so a bad rewrite is caught before
 * the module ships.
 */
final class OutputVerifier {
  private static final Logger LOG = LogManager.getLogger(OutputVerifier.class);
  private static final int CHUNK = 1 << 20;

  private OutputVerifier() {}

  static void verify(WasmRuntime runtime, byte[] output, Snapshot snapshot, WisexOptions options) {
    WasmModule module = ModuleParser.parse(output);
    InstrumentedModule instrumented = Instrumenter.instrument(module, CodeScanner.scan(module));
    try (WasmInstance instance =
        runtime.instantiate(
            instrumented.bytes(),
            ImportLinker.link(module, null, runtime),
            new InstanceConfig(options.executionMode()))) {
      for (Map.Entry<Integer, GlobalValue> g : snapshot.globals().entrySet()) {
        GlobalValue actual = instance.global(instrumented.globalExports().get(g.getKey()));
        if (!actual.equals(g.getValue())) {
          throw new VerificationFailedException(
              "verification failed: global "
                  + g.getKey()
                  + " starts as "
                  + actual
                  + " but the snapshot holds "
                  + g.getValue());
        }
      }
      List<String> memories = instrumented.memoryExports();
      for (int m = 0; m < memories.size(); m++) {
        compare(snapshot.memories().get(m), instance.memory(memories.get(m)));
      }
    }
    LOG.debug("verified: the output starts in the snapshotted state");
  }

  private static void compare(MemorySnapshot expected, GuestMemory actual) {
    if (actual.pages() != expected.pages()) {
      throw new VerificationFailedException(
          "verification failed: memory "
              + expected.index()
              + " starts with "
              + actual.pages()
              + " pages but the snapshot has "
              + expected.pages());
    }
    byte[] want = new byte[CHUNK];
    byte[] have = new byte[CHUNK];
    List<DataRun> runs = expected.runs();
    int first = 0;
    for (long base = 0; base < actual.byteSize(); base += CHUNK) {
      int length = (int) Math.min(CHUNK, actual.byteSize() - base);
      Arrays.fill(want, 0, length, (byte) 0);
      while (first < runs.size() && end(runs.get(first)) <= base) {
        first++;
      }
      for (int r = first; r < runs.size() && runs.get(r).offset() < base + length; r++) {
        overlay(runs.get(r), base, want, length);
      }
      actual.read(base, have, 0, length);
      int at = Arrays.mismatch(want, 0, length, have, 0, length);
      if (at >= 0) {
        throw new VerificationFailedException(
            String.format(
                "verification failed: memory %d byte at address %d is 0x%02x but the snapshot holds 0x%02x",
                expected.index(), base + at, have[at] & 0xFF, want[at] & 0xFF));
      }
    }
  }

  private static long end(DataRun run) {
    return run.offset() + run.bytes().length;
  }

  private static void overlay(DataRun run, long base, byte[] chunk, int length) {
    long from = Math.max(run.offset(), base);
    long to = Math.min(end(run), base + length);
    System.arraycopy(
        run.bytes(), (int) (from - run.offset()), chunk, (int) (from - base), (int) (to - from));
  }
}
