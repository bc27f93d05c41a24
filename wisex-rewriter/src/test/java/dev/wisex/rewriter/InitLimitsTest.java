package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.LimitExceededException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.testkit.Wat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --fuel}, {@code --timeout} and {@code --max-memory}: init that reaches a limit fails with
 * a {@link LimitExceededException} naming it, on every backend; init within the limits produces
 * exactly the output it produces without them.
 */
class InitLimitsTest {
  static List<Differential> backends() {
    return Differential.everyBackend();
  }

  private static byte[] wat(String name) {
    return Wat.resource(InitLimitsTest.class, "/wat/limits/" + name + ".wat");
  }

  private static WisexResult run(Differential d, byte[] module, WisexOptions options) {
    return new Preinitializer(
            options.toBuilder().runtime(d.runtime().name()).build(),
            new RuntimeRegistry(List.of(d.runtime())))
        .preinitialize(module);
  }

  private static LimitExceededException refused(
      Differential d, byte[] module, WisexOptions options) {
    d.abortIfUnable(module);
    return assertThrows(LimitExceededException.class, () -> run(d, module, options));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void timeoutStopsAnEndlessInit(Differential d) {
    for (ExecutionMode mode : List.of(ExecutionMode.INTERPRETER, ExecutionMode.AUTO)) {
      long started = System.nanoTime();
      LimitExceededException e =
          refused(
              d,
              wat("endless"),
              WisexOptions.builder().executionMode(mode).timeout(Duration.ofMillis(500)).build());
      assertEquals(
          "init did not finish within timeout(...) 500 ms; raise timeout(...) if it needs longer, or"
              + " find out why it does not end",
          e.getMessage());
      // The backend stopped promptly instead of being abandoned after the grace period.
      assertTrue(
          System.nanoTime() - started < 500_000_000L + 4_000_000_000L,
          () -> "took " + (System.nanoTime() - started) / 1_000_000 + " ms");
      assertNoGuestCodeRuns();
    }
  }

  /**
   * No thread is still executing the endless loop: wisex's init thread has ended and an engine's
   * own guest threads are parked, within a few seconds of the refusal.
   */
  private static void assertNoGuestCodeRuns() {
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> running;
    do {
      running =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().startsWith("wisex-"))
              .filter(t -> t.getState() == Thread.State.RUNNABLE)
              .map(t -> t.getName() + " " + t.getState())
              .toList();
      if (running.isEmpty()) {
        return;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() < deadline);
    assertEquals(List.of(), running, "threads still running guest code");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void fuelStopsAnEndlessInitDeterministically(Differential d) {
    LimitExceededException e =
        refused(d, wat("endless"), WisexOptions.builder().fuel(10_000).build());
    assertEquals(
        "init ran out of fuel: fuel(...) 10000 steps (function entries and loop iterations) were not"
            + " enough; raise fuel(...)",
        e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void fuelStopsAnEndlessStartFunction(Differential d) {
    LimitExceededException e =
        refused(d, wat("endless_start"), WisexOptions.builder().fuel(1_000).build());
    assertTrue(
        e.getMessage().startsWith("init ran out of fuel: fuel(...) 1000 steps"), e::getMessage);
  }

  /** 2 function entries + 100 loop iterations: 102 steps are enough, 101 are not. */
  @ParameterizedTest
  @MethodSource("backends")
  void fuelCountsFunctionEntriesAndLoopIterationsExactly(Differential d) {
    byte[] module = wat("counted");
    WisexResult unlimited = d.check(module, WisexOptions.defaults(), Call.of("sum"));
    WisexResult exact =
        d.check(
            module,
            WisexOptions.builder().fuel(102).build(),
            Call.of("sum"),
            Call.of("byte", 0),
            Call.of("byte", 99),
            Call.of("byte", 100));
    assertArrayEquals(unlimited.module(), exact.module(), "the limits never reach the output");
    refused(d, module, WisexOptions.builder().fuel(101).build());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void memoryCapStopsGrowthBeyondIt(Differential d) {
    LimitExceededException e =
        refused(d, wat("grows"), WisexOptions.builder().maxMemoryBytes(5 << 16).build());
    assertEquals(
        "init tried to grow memory 0 beyond maxMemoryBytes(...) 320 KiB (5 pages); raise maxMemoryBytes(...)",
        e.getMessage());
  }

  /**
   * At the cap exactly, growth succeeds; a grow beyond a memory's own maximum still returns -1, as
   * without a cap; later grows of the output are not capped.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void growthWithinTheCapIsUnchanged(Differential d) {
    byte[] module = wat("grows");
    WisexResult uncapped =
        d.check(module, WisexOptions.defaults(), Call.of("grown"), Call.of("refused"));
    WisexResult capped =
        d.check(
            module,
            WisexOptions.builder().maxMemoryBytes(10 << 16).build(),
            Call.of("grown"),
            Call.of("refused"),
            Call.of("size"),
            Call.of("grow", 7),
            Call.of("size"));
    assertArrayEquals(uncapped.module(), capped.module());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void initialMemoryAboveTheCapIsRefusedBeforeInit(Differential d) {
    LimitExceededException e =
        refused(d, wat("big_initial"), WisexOptions.builder().maxMemoryBytes(512 << 10).build());
    assertEquals(
        "memory 0 starts at 16 pages (1 MiB), more than maxMemoryBytes(...) 512 KiB allows; raise"
            + " maxMemoryBytes(...)",
        e.getMessage());
  }
}
