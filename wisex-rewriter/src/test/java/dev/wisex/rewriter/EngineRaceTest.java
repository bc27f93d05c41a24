package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.LimitExceededException;
import dev.wisex.api.ProgressListener;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.StdioStreams;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.instrument.EngineLimitException;
import dev.wisex.rewriter.instrument.EngineMemoryLimit;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.testkit.JvmBackendsOnly;
import dev.wisex.testkit.Wat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules whose code lies between 256 KiB and 4 MiB run on both backends at once: the output is the
 * one either backend writes alone, init's stdin reaches the winner and its output reaches the
 * caller once, the loser's threads end, and a trap is reported as the compiling backend reports it.
 * The modules are small WAT padded with 320,000 bytes of functions nothing calls.
 */
@ExtendWith(JvmBackendsOnly.class)
class EngineRaceTest {
  /** Race whatever the machine's load: the tests check the race, not when it is refused. */
  @BeforeAll
  static void raceAlways() {
    System.setProperty("wisex.race", "always");
  }

  @AfterAll
  static void raceAsConfigured() {
    System.clearProperty("wisex.race");
  }

  private static final RuntimeRegistry RUNTIMES = RuntimeRegistry.discover();

  private static byte[] padded(String wat) {
    byte[] module =
        CodePadding.pad(Wat.resource(EngineRaceTest.class, "/wat/" + wat + ".wat"), 40, 8_000);
    long code = CodeSize.of(ModuleParser.parse(module)).bytes();
    assertTrue(code >= 256 << 10 && code < 4 << 20, code + " bytes of code: not in the race band");
    return module;
  }

  private record Run(WisexResult result, String stdout, String stderr) {}

  private static Run run(byte[] module, String runtime, String stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    WisexOptions options =
        WisexOptions.builder()
            .allowWasi(true)
            .runtime(runtime)
            .noCache()
            .stdio(
                new StdioStreams(
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err))
            .build();
    WisexResult result = new Preinitializer(options, RUNTIMES).preinitialize(module);
    return new Run(
        result, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void raceWritesWhatEachBackendWritesAloneAndTheWinnersOutputOnce() {
    byte[] echo = padded("race/echo");

    Run race = run(echo, null, "line from stdin\n");
    Run chicory = run(echo, "chicory", "line from stdin\n");
    Run graal = run(echo, "graal", "line from stdin\n");

    assertArrayEquals(chicory.result().module(), race.result().module());
    assertArrayEquals(graal.result().module(), race.result().module());
    assertEquals("line from stdin\n", race.stdout());
    assertEquals("err\n", race.stderr());
    assertTrue(Set.of("chicory", "graal").contains(race.result().report().runtime()));
  }

  @Test
  void theLoserStopsWhenTheWinnerIsDone() throws InterruptedException {
    byte[] spin = padded("race/spin");
    Set<Thread> before = initThreads();

    WisexResult result =
        new Preinitializer(WisexOptions.builder().noCache().build(), RUNTIMES).preinitialize(spin);

    assertEquals("chicory", result.report().runtime(), "compiled, the loop ends far sooner");
    long deadline = System.nanoTime() + 20_000_000_000L;
    Set<Thread> left = leftOver(before);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = leftOver(before);
    }
    assertEquals(Set.of(), left.stream().map(Thread::getName).collect(Collectors.toSet()));
  }

  /** Records the progress a pre-initialization reports, stage and detail on one line each. */
  private static final class Stages implements ProgressListener {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void stage(String stage, String detail) {
      seen.add(stage + " " + detail);
    }
  }

  @Test
  void theOnDemandSideStopsWhenTheCompilingOneBeginsInit() {
    byte[] spin = padded("race/spin");
    Stages stages = new Stages();

    WisexResult result =
        new Preinitializer(WisexOptions.builder().noCache().build(), RUNTIMES)
            .withProgress(stages)
            .preinitialize(spin);

    assertEquals("chicory", result.report().runtime());
    // Interpreted, the loop takes far longer than compiling the module: GraalWasm cannot have
    // ended before Chicory began init, and is stopped then, not when Chicory is done.
    assertEquals(List.of("init on chicory and graal", "init on chicory"), initStages(stages));
  }

  @Test
  void theStoppedSideRunsAgainWhenTheCompilingOneOutgrowsItsEngine() {
    Assumptions.assumeTrue(
        RUNTIMES.select("graal", Set.of()).maxMemoryBytes() >= 32768L << 16,
        "GraalWasm holds no 2 GiB here");
    byte[] grows = padded("race/spin_then_grow");
    Stages stages = new Stages();

    WisexResult result =
        new Preinitializer(WisexOptions.builder().noCache().build(), RUNTIMES)
            .withProgress(stages)
            .preinitialize(grows);

    // Whatever the timing, the outcome is GraalWasm's: Chicory cannot hold the memory.
    assertEquals("graal", result.report().runtime());
    WasmModule output = ModuleParser.parse(result.module());
    assertEquals(32768, output.allMemories().get(0).minimum(), "pages after the grow");
    List<String> init = initStages(stages);
    if (init.contains("init on chicory")) {
      assertEquals(List.of("init on chicory and graal", "init on chicory", "init on graal"), init);
    }
  }

  /** Runs {@code body} with {@code -Dwisex.race=mode}, then races always again. */
  private static <T> T withMode(String mode, java.util.function.Supplier<T> body) {
    System.setProperty("wisex.race", mode);
    try {
      return body.get();
    } finally {
      System.setProperty("wisex.race", "always");
    }
  }

  /** {@code module} pre-initialized by the trial ({@code -Dwisex.race=trial}). */
  private static WisexResult trial(WisexOptions options, ProgressListener progress, byte[] module) {
    return withMode(
        "trial",
        () -> new Preinitializer(options, RUNTIMES).withProgress(progress).preinitialize(module));
  }

  @Test
  void aTrialKeepsTheOnDemandBackendWhereInitEndsWithinTheBudget(@TempDir Path cache)
      throws Exception {
    byte[] echo = padded("race/echo");
    Stages stages = new Stages();
    // A budget of 0.8 s of processor time for this code (a compile taught 2.4 µs per byte), not
    // what the scan of its padding in this JVM, compiled by now, would make it.
    Files.createDirectories(cache.resolve("chicory"));
    Files.writeString(cache.resolve("chicory/compile-rate"), "2400\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    WisexOptions options =
        WisexOptions.builder()
            .allowWasi(true)
            .cacheDir(cache)
            .stdio(
                new StdioStreams(
                    new ByteArrayInputStream("line from stdin\n".getBytes(StandardCharsets.UTF_8)),
                    out,
                    err))
            .build();

    WisexResult trial = trial(options, stages, echo);

    assertEquals("graal", trial.report().runtime());
    assertEquals(List.of("init on graal"), initStages(stages));
    assertArrayEquals(run(echo, "chicory", "line from stdin\n").result().module(), trial.module());
    assertEquals("line from stdin\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("err\n", err.toString(StandardCharsets.UTF_8));
  }

  /** A cache directory whose Chicory compiles taught {@code nanosPerByte} of processor time. */
  private static WisexOptions.Builder taught(Path cache, int nanosPerByte) throws Exception {
    Files.createDirectories(cache.resolve("chicory"));
    Files.writeString(cache.resolve("chicory/compile-rate"), nanosPerByte + "\n");
    return WisexOptions.builder().cacheDir(cache);
  }

  @Test
  void aTrialMovesToTheCompilingBackendWhenItsStepsAreSpent(@TempDir Path cache) throws Exception {
    byte[] spin = padded("race/spin");
    Stages stages = new Stages();
    // A processor-time budget of ~30 s (a compile taught 100 µs per byte of code), which the
    // interpreted loop of 100 million steps would use up or reach --timeout within: only the
    // trial's step budget, 0.15 per byte of code, moves it to Chicory in time.
    WisexOptions options = taught(cache, 100_000).timeout(Duration.ofSeconds(20)).build();

    WisexResult trial = trial(options, stages, spin);

    assertEquals("chicory", trial.report().runtime());
    assertEquals(List.of("init on graal", "init on chicory"), initStages(stages));
    assertArrayEquals(run(spin, "chicory", "").result().module(), trial.module());
  }

  @Test
  void aTrialMovesToTheCompilingBackendWhenItsProcessorTimeIsSpent(@TempDir Path cache)
      throws Exception {
    byte[] fills = padded("race/fill_briefly");
    Stages stages = new Stages();
    // A budget of ~0.16 s of processor time (a compile taught 0.5 µs per byte of code): init's
    // 12.5 GiB of fills take longer on any engine, in 201 steps.
    WisexResult trial = trial(taught(cache, 500).build(), stages, fills);

    assertEquals("chicory", trial.report().runtime());
    assertEquals(List.of("init on graal", "init on chicory"), initStages(stages));
    assertArrayEquals(run(fills, "chicory", "").result().module(), trial.module());
  }

  @Test
  void theUsersFuelCarriesOverFromTheTrialToTheCompilingBackend(@TempDir Path cache)
      throws Exception {
    byte[] spin = padded("race/spin_briefly");
    long trialSteps = CodeSize.of(ModuleParser.parse(spin)).bytes() * 15 / 100;
    assertTrue(trialSteps < 150_000, trialSteps + " steps: the module must need more");
    // A processor-time budget of ~30 s (a compile taught 100 µs per byte of code): GraalWasm,
    // which runs init's ~200,000 steps in a fraction of that, is stopped by the trial's steps.
    Path taughtCache = cache.resolve("taught");

    // Fuel enough for init and more than the trial's steps: GraalWasm stops at the trial's,
    // Chicory runs init within the user's.
    Stages stages = new Stages();
    WisexResult enough = trial(taught(taughtCache, 100_000).fuel(250_000).build(), stages, spin);
    assertEquals("chicory", enough.report().runtime());
    assertEquals(List.of("init on graal", "init on chicory"), initStages(stages));
    assertArrayEquals(run(spin, "chicory", "").result().module(), enough.module());

    // Fuel between the trial's steps and init's, or below the trial's: the user's limit, reported
    // as Chicory alone reports it.
    for (long fuel : new long[] {150_000, 1_000}) {
      WisexOptions options = taught(taughtCache, 100_000).fuel(fuel).build();
      LimitExceededException alone =
          assertThrows(
              LimitExceededException.class,
              () ->
                  new Preinitializer(options.toBuilder().runtime("chicory").build(), RUNTIMES)
                      .preinitialize(spin));
      LimitExceededException tried =
          assertThrows(
              LimitExceededException.class, () -> trial(options, ProgressListener.NONE, spin));
      assertEquals(alone.getMessage(), tried.getMessage());
      assertTrue(tried.getMessage().contains("fuel(...) " + fuel + " steps"), tried.getMessage());
    }
  }

  @Test
  void aFailureInATrialIsReportedAsTheCompilingBackendReportsIt() {
    byte[] traps = padded("init_traps");

    InitFailedException alone =
        assertThrows(InitFailedException.class, () -> run(traps, "chicory", ""));
    InitFailedException tried =
        assertThrows(
            InitFailedException.class,
            () -> trial(WisexOptions.builder().noCache().build(), ProgressListener.NONE, traps));

    assertEquals(alone.getMessage(), tried.getMessage());
  }

  @Test
  void aTrialEndsWithinTheTimeoutOfTheWholeRun(@TempDir Path cache) throws Exception {
    byte[] fills = padded("race/fill_slowly");
    Stages stages = new Stages();
    // A compile taught 2.4 µs per byte of code: a budget of 0.8 s of processor time for this code,
    // more than two processors can spend in 300 ms; and init runs few steps.

    // GraalWasm reaches --timeout long before its budget: nothing is left for Chicory, which must
    // not start with a --timeout of its own.
    LimitExceededException e =
        assertThrows(
            LimitExceededException.class,
            () ->
                trial(taught(cache, 2400).timeout(Duration.ofMillis(300)).build(), stages, fills));

    assertTrue(e.getMessage().contains("timeout(...) 300 ms"), e.getMessage());
    assertEquals(List.of("init on graal"), initStages(stages));
  }

  @Test
  void theNextRunOfAModuleRunsTheBackendThatFinishedFirstAlone(@TempDir Path cache)
      throws Exception {
    byte[] spin = padded("race/spin");
    WisexOptions options = WisexOptions.builder().cacheDir(cache).build();
    Stages first = new Stages();
    Stages second = new Stages();

    WisexResult raced =
        new Preinitializer(options, RUNTIMES).withProgress(first).preinitialize(spin);
    Path memo;
    try (Stream<Path> files = Files.list(cache.resolve(EngineMemo.SUBDIRECTORY))) {
      memo = files.findFirst().orElseThrow();
    }
    WisexResult remembered =
        new Preinitializer(options, RUNTIMES).withProgress(second).preinitialize(spin);

    assertEquals("chicory\n", Files.readString(memo));
    assertEquals("init on chicory and graal", initStages(first).get(0));
    assertEquals(List.of("init on chicory"), initStages(second));
    assertEquals("chicory", remembered.report().runtime());
    assertArrayEquals(raced.module(), remembered.module());

    // A memo naming no backend of the race is ignored, and the race decides again.
    Files.writeString(memo, "nonsense\n");
    Stages third = new Stages();
    new Preinitializer(options, RUNTIMES).withProgress(third).preinitialize(spin);
    assertEquals("init on chicory and graal", initStages(third).get(0));
    assertEquals("chicory\n", Files.readString(memo));
  }

  private static List<String> initStages(Stages stages) {
    return stages.seen.stream().filter(s -> s.startsWith("init")).toList();
  }

  @Test
  void aTrapIsReportedOnceAsTheCompilingBackendReportsIt() {
    byte[] traps = padded("init_traps");

    InitFailedException alone =
        assertThrows(InitFailedException.class, () -> run(traps, "chicory", ""));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InitFailedException raced =
        assertThrows(
            InitFailedException.class,
            () ->
                new Preinitializer(
                        WisexOptions.builder()
                            .noCache()
                            .stdio(new StdioStreams(null, err, err))
                            .build(),
                        RUNTIMES)
                    .preinitialize(traps));

    assertEquals(alone.getMessage(), raced.getMessage());
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void timeoutBoundsTheRace() {
    byte[] spin = padded("race/spin");
    long start = System.nanoTime();

    LimitExceededException e =
        assertThrows(
            LimitExceededException.class,
            () ->
                new Preinitializer(
                        WisexOptions.builder().noCache().timeout(Duration.ofMillis(100)).build(),
                        RUNTIMES)
                    .preinitialize(spin));

    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertTrue(e.getMessage().contains("timeout(...) 100 ms"), e.getMessage());
    assertTrue(
        seconds < 15, "took " + seconds + " s: the timeout plus the grace for a stuck thread");
  }

  @Test
  void onlyAnEnginesOwnFailuresLetTheOtherSideDecide() {
    assertTrue(EngineRace.ownFailure(new RuntimeSelectionException("lacks [SIMD]")));
    assertTrue(
        EngineRace.ownFailure(
            new EngineLimitException(
                "init tried to grow memory 0 beyond 2 GiB",
                new EngineMemoryLimit("chicory", 2L << 30),
                null)));
    assertTrue(
        EngineRace.ownFailure(
            new LimitExceededException("out of heap", new OutOfMemoryError("Java heap space"))));
    assertFalse(EngineRace.ownFailure(new InitFailedException("`wizex.initialize` trapped")));
    assertFalse(EngineRace.ownFailure(new LimitExceededException("init ran out of fuel")));
  }

  /** Live threads that run init or one side of a race. */
  private static Set<Thread> initThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("wisex-init") || t.getName().startsWith("wisex-race"))
        .collect(Collectors.toSet());
  }

  private static Set<Thread> leftOver(Set<Thread> before) {
    Set<Thread> now = initThreads();
    now.removeAll(before);
    return now;
  }
}
