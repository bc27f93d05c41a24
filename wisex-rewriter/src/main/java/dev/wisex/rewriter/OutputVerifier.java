package dev.wisex.rewriter;

import dev.wisex.api.VerificationFailedException;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.rewriter.init.ImportLinker;
import dev.wisex.rewriter.instrument.HostAppliedSegments;
import dev.wisex.rewriter.instrument.InstrumentedModule;
import dev.wisex.rewriter.instrument.Instrumenter;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.KnownDefect;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code --verify}: instantiates the written module without running init and proves that every
 * snapshotted global and every byte of every memory equals the state init left in its instance, so
 * a bad rewrite is caught before the module ships. Runs while the init instance is still open: the
 * whole of each memory is compared against it in bounded chunks, bytes outside every segment
 * included, so nothing is copied whole. On an engine that sign-extends {@code i32} segment offsets,
 * segments at 2 GiB and above are written by the host from the output's bytes ({@link
 * HostAppliedSegments}); globals, every other segment and the memory sizes still come from the
 * engine.
 */
final class OutputVerifier {
  private static final Logger LOG = LogManager.getLogger(OutputVerifier.class);
  private static final int CHUNK = 1 << 20;

  private OutputVerifier() {}

  /**
   * @param module the written module, as the pipeline parsed it
   * @param snapshot the init instance's state; its memories are read, so that instance is open
   * @param config how init's instance was made: the output's is made alike
   */
  static void verify(
      WasmRuntime runtime, WasmModule module, Snapshot snapshot, InstanceConfig config) {
    InstrumentedModule instrumented = Instrumenter.instrument(module, CodeScanner.scan(module));
    HostAppliedSegments segments =
        runtime.knownDefects().contains(KnownDefect.I32_ADDRESS_SIGN_EXTENSION)
                && HostAppliedSegments.needed(module)
            ? HostAppliedSegments.plan(ModuleParser.parse(instrumented.bytes()))
            : new HostAppliedSegments(instrumented.bytes(), List.of(), Optional.empty());
    if (!segments.segments().isEmpty()) {
      LOG.debug(
          "verify: {} data segments at 2 GiB or above written by the host ({} sign-extends them)",
          segments.segments().size(),
          runtime.name());
    }
    try (WasmInstance instance =
        runtime.instantiate(segments.bytes(), ImportLinker.link(module, null, runtime), config)) {
      segments.apply(instance, instrumented.memoryExports());
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
    GuestMemory initialized = expected.memory();
    long size = actual.byteSize();
    byte[] want = new byte[(int) Math.min(CHUNK, size)];
    byte[] have = new byte[want.length];
    for (long base = 0; base < size; base += CHUNK) {
      int length = (int) Math.min(CHUNK, size - base);
      initialized.read(base, want, 0, length);
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
}
