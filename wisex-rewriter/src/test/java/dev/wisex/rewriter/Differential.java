package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitLimits;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.rewriter.init.ImportLinker;
import dev.wisex.rewriter.init.InitCall;
import dev.wisex.rewriter.init.InitRunner;
import dev.wisex.rewriter.init.WasiHosts;
import dev.wisex.rewriter.instrument.ConformancePass;
import dev.wisex.rewriter.instrument.HighAddressBulkMemory;
import dev.wisex.rewriter.instrument.InstrumentedModule;
import dev.wisex.rewriter.instrument.Instrumenter;
import dev.wisex.rewriter.instrument.LimitInstrumenter;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.wasix.WasixHost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The differential oracle every behaviour test uses: run the original and its init on one side,
 * instantiate the pre-initialized output on the other, and require the same globals, the same
 * memory bytes, and the same results (or traps) from every check call, with the state compared
 * again after the calls.
 */
final class Differential {
  /** A call made on both sides: an export and its arguments. */
  record Call(String export, long... args) {
    static Call of(String export, long... args) {
      return new Call(export, args);
    }
  }

  private final WasmRuntime runtime;

  Differential(WasmRuntime runtime) {
    this.runtime = runtime;
  }

  static Differential chicory() {
    return new Differential(RuntimeRegistry.discover().select("chicory", Set.of()));
  }

  /** One oracle per backend on the test class path that is available here, most preferred first. */
  static List<Differential> everyBackend() {
    return RuntimeRegistry.discover().available().stream().map(Differential::new).toList();
  }

  /** The oracle on the named backend. */
  static Differential on(String name) {
    return new Differential(RuntimeRegistry.discover().select(name, Set.of()));
  }

  @Override
  public String toString() {
    return runtime.name();
  }

  /**
   * If this backend lacks a capability {@code module} needs, asserts that pre-initialization on it
   * is refused with a message naming what is missing, and aborts the calling test (reported as
   * skipped, with the reason).
   */
  void abortIfUnable(byte[] module) {
    WasmModule parsed = ModuleParser.parse(module);
    Set<Capability> missing = EnumSet.noneOf(Capability.class);
    missing.addAll(RequiredCapabilities.of(parsed, CodeScanner.scan(parsed)));
    missing.removeAll(runtime.capabilities());
    if (!missing.isEmpty()) {
      RuntimeSelectionException refused =
          assertThrows(
              RuntimeSelectionException.class,
              () ->
                  new Preinitializer(
                          WisexOptions.builder().runtime(runtime.name()).build(),
                          new RuntimeRegistry(List.of(runtime)))
                      .preinitialize(module));
      assertTrue(
          refused.getMessage().contains("lacks")
              && refused.getMessage().contains(missing.iterator().next().name()),
          refused.getMessage());
      Assumptions.abort(
          "runtime `" + runtime.name() + "` lacks " + missing + ": " + refused.getMessage());
    }
  }

  private static final InitLimits UNLIMITED =
      new InitLimits(0, InitLimits.DEFAULT_TIMEOUT, Long.MAX_VALUE);

  WasmRuntime runtime() {
    return runtime;
  }

  /**
   * Pre-initializes with {@code options}, checks equivalence, and returns the result for further
   * asserts.
   */
  WisexResult check(byte[] original, WisexOptions options, Call... calls) {
    return check(original, options, List.of(), calls);
  }

  /**
   * As {@link #check(byte[], WisexOptions, Call...)}, with the library user's host functions linked
   * on both sides (init's run and the output's instance), as an embedder would link them.
   */
  WisexResult check(
      byte[] original, WisexOptions options, List<HostFunction> hostFunctions, Call... calls) {
    abortIfUnable(original);
    WisexResult result =
        new Preinitializer(
                options.toBuilder().runtime(runtime.name()).build(),
                new RuntimeRegistry(List.of(runtime)))
            .withHostFunctions(hostFunctions)
            .preinitialize(original);
    WasmModule originalModule = ModuleParser.parse(original);
    InstrumentedModule before =
        Instrumenter.instrument(originalModule, CodeScanner.scan(originalModule));
    WasmModule outputModule = ModuleParser.parse(result.module());
    InstrumentedModule after =
        Instrumenter.instrument(outputModule, CodeScanner.scan(outputModule));
    // With WASI each side gets its own fresh host, as a real run of each module would; the output
    // still imports the WASI functions its later calls may use.
    try (WasixHost referenceHost =
            options.host().allowWasi() ? WasiHosts.create(options.host()) : null;
        WasixHost snapshotHost =
            options.host().allowWasi() ? WasiHosts.create(options.host()) : null;
        WasmInstance reference =
            InitRunner.run(
                runtime,
                // The reference is the original plus init, unmetered, with all later calls free.
                // init runs with the backend's defects worked around, as in wisex (bulk memory
                // instructions the engine gets wrong included).
                LimitInstrumenter.apply(
                    HighAddressBulkMemory.apply(
                        ConformancePass.apply(
                            ModuleParser.parse(before.bytes()), runtime.knownDefects()),
                        runtime.maxMemoryBytes(),
                        runtime.knownDefects(),
                        type -> runtime.memoryOnHeap(HeapPlan.limits(type))),
                    originalModule.functionTypes().length,
                    UNLIMITED),
                originalModule,
                ImportLinker.link(originalModule, referenceHost, runtime, hostFunctions),
                InitCall.of(options, new InstanceConfig(options.runtime().executionMode())));
        WasmInstance snapshot =
            runtime.instantiate(
                after.bytes(),
                ImportLinker.link(outputModule, snapshotHost, runtime, hostFunctions),
                new InstanceConfig(options.runtime().executionMode()))) {
      assertSameState(before, reference, after, snapshot, "after init");
      for (Call call : calls) {
        assertEquals(
            outcome(reference, call), outcome(snapshot, call), "result of " + call.export());
        assertSameState(before, reference, after, snapshot, "after calling " + call.export());
      }
    }
    return result;
  }

  /**
   * Instantiates two already-initialized modules (no init call) and requires the same state and the
   * same outcome of every call: used to compare wisex's output with Wizer's.
   */
  void compareInitialized(byte[] expected, byte[] actual, Call... calls) {
    WasmModule expectedModule = ModuleParser.parse(expected);
    WasmModule actualModule = ModuleParser.parse(actual);
    InstrumentedModule left =
        Instrumenter.instrument(expectedModule, CodeScanner.scan(expectedModule));
    InstrumentedModule right =
        Instrumenter.instrument(actualModule, CodeScanner.scan(actualModule));
    try (WasmInstance a =
            runtime.instantiate(
                left.bytes(),
                ImportLinker.link(expectedModule, null, runtime),
                InstanceConfig.defaults());
        WasmInstance b =
            runtime.instantiate(
                right.bytes(),
                ImportLinker.link(actualModule, null, runtime),
                InstanceConfig.defaults())) {
      assertSameState(left, a, right, b, "at start");
      for (Call call : calls) {
        assertEquals(outcome(a, call), outcome(b, call), "result of " + call.export());
        assertSameState(left, a, right, b, "after calling " + call.export());
      }
    }
  }

  private static String outcome(WasmInstance instance, Call call) {
    try {
      return Arrays.toString(instance.call(call.export(), call.args()));
    } catch (WasmTrapException e) {
      return "trap";
    }
  }

  private static void assertSameState(
      InstrumentedModule before,
      WasmInstance reference,
      InstrumentedModule after,
      WasmInstance snapshot,
      String when) {
    assertEquals(
        before.globalExports().keySet(), after.globalExports().keySet(), "mutable globals " + when);
    for (Map.Entry<Integer, String> g : before.globalExports().entrySet()) {
      GlobalValue expected = reference.global(g.getValue());
      GlobalValue actual = snapshot.global(after.globalExports().get(g.getKey()));
      assertEquals(expected, actual, "global " + g.getKey() + " " + when);
    }
    assertEquals(
        before.memoryExports().size(), after.memoryExports().size(), "memory count " + when);
    for (int m = 0; m < before.memoryExports().size(); m++) {
      GuestMemory expected = reference.memory(before.memoryExports().get(m));
      GuestMemory actual = snapshot.memory(after.memoryExports().get(m));
      assertEquals(expected.byteSize(), actual.byteSize(), "size of memory " + m + " " + when);
      assertSameBytes(expected, actual, "memory " + m + " " + when);
    }
  }

  private static void assertSameBytes(GuestMemory expected, GuestMemory actual, String what) {
    int chunk = 1 << 20;
    byte[] a = new byte[chunk];
    byte[] b = new byte[chunk];
    for (long at = 0; at < expected.byteSize(); at += chunk) {
      int n = (int) Math.min(chunk, expected.byteSize() - at);
      expected.read(at, a, 0, n);
      actual.read(at, b, 0, n);
      if (!Arrays.equals(a, 0, n, b, 0, n)) {
        int i = Arrays.mismatch(a, 0, n, b, 0, n);
        assertArrayEquals(
            Arrays.copyOfRange(a, i, Math.min(n, i + 16)),
            Arrays.copyOfRange(b, i, Math.min(n, i + 16)),
            what + " differs at address " + (at + i));
      }
    }
  }

  /** Names of the exports of a module, for asserting what the rewrite removed or renamed. */
  static List<String> exportNames(byte[] module) {
    List<String> names = new ArrayList<>();
    ModuleParser.parse(module).exports().forEach(e -> names.add(e.name()));
    return names;
  }
}
