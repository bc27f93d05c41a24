package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.rewriter.instrument.InstrumentedModule;
import dev.wisex.rewriter.instrument.Instrumenter;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.JvmBackendsOnly;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.TestAbortedException;

/**
 * The backends agree: wherever both Chicory and GraalWasm can pre-initialize a test module, their
 * outputs are the same bytes, and each backend's output is the same from run to run.
 */
class CrossBackendTest {
  private static final Path WAT = Path.of("src/test/resources/wat");

  static Stream<String> modules() throws IOException {
    try (Stream<Path> files = Files.list(WAT)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".wat"))
          .map(n -> n.substring(0, n.length() - ".wat".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static byte[] wat(String name) {
    return Wat.resource(CrossBackendTest.class, "/wat/" + name + ".wat");
  }

  /** The output on the named backend, or the exception that refused or failed it. */
  private static Object run(String runtime, byte[] module) {
    try {
      return new Preinitializer(WisexOptions.builder().runtime(runtime).build())
          .preinitialize(module)
          .module();
    } catch (RuntimeException e) {
      return e;
    }
  }

  @ParameterizedTest
  @MethodSource("modules")
  void chicoryAndGraalWriteTheSameBytes(String name) {
    byte[] module = wat(name);
    Object chicory = run("chicory", module);
    Object graal = run("graal", module);
    if (chicory instanceof byte[] a && graal instanceof byte[] b) {
      assertArrayEquals(a, b, name + ": the backends disagree");
      assertArrayEquals(
          a, (byte[]) run("chicory", module), name + ": chicory is not deterministic");
      assertArrayEquals(b, (byte[]) run("graal", module), name + ": graal is not deterministic");
      return;
    }
    // One refused for want of a capability (SIMD on Chicory, say): nothing to compare, but the
    // refusal must be the selection's, with a reason.
    if (chicory instanceof RuntimeSelectionException refused) {
      assertTrue(refused.getMessage().contains("lacks"), refused.getMessage());
      assertInstanceOf(
          byte[].class, graal, name + ": refused by chicory and failed on graal: " + graal);
      return;
    }
    if (graal instanceof RuntimeSelectionException refused) {
      assertTrue(refused.getMessage().contains("lacks"), refused.getMessage());
      return;
    }
    // Neither ran: both must have refused or failed in the same way (the messages may name engine
    // details).
    assertFalse(chicory instanceof byte[], name + ": chicory succeeded but graal failed: " + graal);
    assertFalse(graal instanceof byte[], name + ": graal succeeded but chicory failed: " + chicory);
    assertEquals(chicory.getClass(), graal.getClass(), name + ": " + chicory + " vs " + graal);
  }

  /**
   * Real C programs (wasi-libc) from the Wizer parity corpus: a long init, the same bytes on both
   * backends.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c-tiny", "c-regex"})
  void realProgramsGiveTheSameBytesOnBothBackends(String name) throws IOException {
    byte[] module;
    try (InputStream in =
        CrossBackendTest.class.getResourceAsStream("/wizer/" + name + ".input.wasm")) {
      module =
          in != null
              ? in.readAllBytes()
              : Files.readAllBytes(Path.of("src/test/resources/wizer", name + ".input.wasm"));
    }
    Object chicory = run("chicory", module);
    Object graal = run("graal", module);
    assertInstanceOf(byte[].class, chicory, name + " on chicory: " + chicory);
    assertInstanceOf(byte[].class, graal, name + " on graal: " + graal);
    assertArrayEquals((byte[]) chicory, (byte[]) graal, name + ": the backends disagree");
  }

  @Test
  void aV128GlobalSetByInitIsSnapshottedBitForBitOnGraal() {
    WisexResult result =
        Differential.on("graal")
            .check(wat("v128_global"), WisexOptions.defaults(), Call.of("lane0"));
    assertEquals("graal", result.report().runtime());
    WasmModule output = ModuleParser.parse(result.module());
    InstrumentedModule instrumented = Instrumenter.instrument(output, CodeScanner.scan(output));
    try (WasmInstance instance =
        Differential.on("graal")
            .runtime()
            .instantiate(instrumented.bytes(), HostImports.none(), InstanceConfig.defaults())) {
      // Lanes 0x7fc00001 (a NaN with payload), 0x80000000 (-0.0 as f32), 0 and -1, little-endian.
      assertEquals(
          GlobalValue.v128(0x8000_0000_7FC0_0001L, 0xFFFF_FFFF_0000_0000L),
          instance.global(instrumented.globalExports().get(0)));
    }
  }

  @Test
  void theDefaultSelectionRunsSimdOnGraal() {
    WisexResult result =
        JvmBackendsOnly.call(
            () -> new Preinitializer(WisexOptions.defaults()).preinitialize(wat("v128_global")));
    assertEquals("graal", result.report().runtime());
    assertNotNull(result.module());
  }

  @Test
  void theDefaultSelectionKeepsChicoryWhereBothCanRun() {
    assertEquals(
        "chicory",
        JvmBackendsOnly.call(
                () -> new Preinitializer(WisexOptions.defaults()).preinitialize(wat("counter")))
            .report()
            .runtime());
    assertEquals(
        List.of("chicory", "graal", "node"),
        RuntimeRegistry.discover().all().stream().map(r -> r.name()).toList(),
        "by priority");
  }

  @Test
  void aBackendLackingACapabilityIsReportedNotSilentlySkipped() {
    byte[] shared =
        Wat.assemble(
            "(module (memory (export \"m\") 1 1 shared) (func (export \"wizex.initialize\")))");
    TestAbortedException aborted =
        assertThrows(
            TestAbortedException.class,
            () -> Differential.on("graal").check(shared, WisexOptions.defaults()));
    assertTrue(aborted.getMessage().contains("lacks [THREADS]"), aborted.getMessage());
    assertEquals(
        "chicory",
        Differential.on("chicory").check(shared, WisexOptions.defaults()).report().runtime());
  }
}
