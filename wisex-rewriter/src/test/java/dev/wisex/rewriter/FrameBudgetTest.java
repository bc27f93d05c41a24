package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ModuleParser;
import dev.wisex.rewriter.init.ImportLinker;
import dev.wisex.runtime.spi.CodeLoading;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recursion through a function with large frames is bounded as Wizer bounds it: a function of
 * 20,000 {@code i64} locals that recursed without end filled memory for minutes on both backends
 * (each keeps a frame's locals on the Java heap), where Wizer stops with "call stack exhausted" at
 * once. The same function recursing 200 deep, and called 20,000 times one after another (its frames
 * counted in and out again), must still run; the expected globals are worked out by hand.
 */
class FrameBudgetTest {
  /** 600 {@code i64} locals: 4.8 KB a frame. */
  private static final String LARGE = recursion(600);

  /**
   * {@code $r(n)}: n + r(n - 1), recursing n deep through a frame of {@code locals} {@code i64}
   * locals.
   */
  private static String recursion(int locals) {
    return "(func $r (param $n i32) (result i64) (local "
        + "i64 ".repeat(locals)
        + ")"
        + " (local.set "
        + locals
        + " (i64.extend_i32_u (local.get $n)))"
        + " (if (result i64) (local.get $n)"
        + "  (then (i64.add (local.get "
        + locals
        + ") (call $r (i32.sub (local.get $n) (i32.const 1)))))"
        + "  (else (i64.const 0))))";
  }

  static List<WasmRuntime> backends() {
    return RuntimeRegistry.discover().available();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void endlessRecursionThroughLargeFramesIsAnExhaustedStack(WasmRuntime runtime) {
    // 20,000 locals (160 KB a frame): the budget, not the thread's stack, ends it.
    String wat =
        "(module "
            + recursion(20_000)
            + " (global (export \"g\") (mut i64) (i64.const 0))"
            + " (func (export \"init\") (global.set 0 (call $r (i32.const -1)))))";
    long start = System.nanoTime();
    InitFailedException failed =
        assertThrows(
            InitFailedException.class,
            () -> new Preinitializer(options(runtime)).preinitialize(Wat.assemble(wat)));
    // V8 (Node.js) ends it at its own stack limit, in its own process: no budget of wisex's.
    String expected =
        runtime.codeLoading() == CodeLoading.MACHINE_CODE
            ? "`init` trapped: call stack exhausted"
            : "`init` trapped: call stack exhausted: the frames of init's";
    assertTrue(failed.getMessage().startsWith(expected), failed.getMessage());
    // Before, the run went on for minutes, to the heap's limit; a generous bound for a slow CI.
    assertTrue(System.nanoTime() - start < 60_000_000_000L, "stopped well before the heap's end");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void deepButFiniteRecursionAndManyCallsStillRun(WasmRuntime runtime) {
    String wat =
        "(module "
            + LARGE
            + " (global (export \"deep\") (mut i64) (i64.const 0))"
            + " (global (export \"many\") (mut i64) (i64.const 0))"
            + " (func (export \"init\") (local $i i32)"
            + "  (global.set 0 (call $r (i32.const 200)))"
            + "  (loop $l"
            + "   (global.set 1 (i64.add (global.get 1) (call $r (i32.const 1))))"
            + "   (local.set $i (i32.add (local.get $i) (i32.const 1)))"
            + "   (br_if $l (i32.lt_u (local.get $i) (i32.const 20000))))))";
    byte[] output = new Preinitializer(options(runtime)).preinitialize(Wat.assemble(wat)).module();
    try (WasmInstance instance =
        runtime.instantiate(
            output,
            ImportLinker.link(ModuleParser.parse(output), null, runtime),
            InstanceConfig.defaults())) {
      assertEquals(200L * 201 / 2, instance.global("deep").low());
      assertEquals(20_000L, instance.global("many").low());
    }
  }

  private static WisexOptions options(WasmRuntime runtime) {
    return WisexOptions.builder().initFunc("init").runtime(runtime.name()).build();
  }
}
