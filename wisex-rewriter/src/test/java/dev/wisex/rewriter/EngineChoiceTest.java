package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.testkit.HostileModules;
import dev.wisex.testkit.JvmBackendsOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default selection follows README's rule (code under 256 KiB runs on the backend that compiles
 * it ahead of time, code of at least 4 MiB on the one that prepares functions on demand, both race
 * in between), on synthetic modules whose code size the test knows by construction; and whichever
 * backend runs init, the output is the same bytes as the other backend's.
 */
@ExtendWith(JvmBackendsOnly.class)
class EngineChoiceTest {
  private static final RuntimeRegistry RUNTIMES = RuntimeRegistry.discover();
  private static final long KIB = 1 << 10;
  private static final long MIB = 1 << 20;

  /** Functions of 8,000 bytes each (under HotSpot's limit, as compilers emit them). */
  private static final int BODY = 8_000;

  private static byte[] module(int functions) {
    return HostileModules.code(functions, BODY);
  }

  private static long codeBytes(int functions) {
    return HostileModules.INIT_BODY_BYTES + (long) (functions - 1) * BODY;
  }

  /** The fewest functions whose code reaches {@code bytes}. */
  private static int fewestReaching(long bytes) {
    int n = 1;
    while (codeBytes(n) < bytes) {
      n++;
    }
    return n;
  }

  private static int fewestLarge() {
    return fewestReaching(4 * MIB);
  }

  private static EngineChoice choose(byte[] module, WisexOptions options, Set<Capability> needs) {
    WasmModule parsed = ModuleParser.parse(module);
    return EngineChoice.choose(
        RUNTIMES,
        options.runtime(),
        needs,
        CodeSize.of(parsed),
        null,
        null,
        false,
        CompileCostHazard.of(parsed, CodeScanner.scan(parsed)),
        null);
  }

  private static WisexOptions defaults() {
    return WisexOptions.builder().build();
  }

  @Test
  void codeSizeIsTheSumOfTheBodies() {
    CodeSize size = CodeSize.of(ModuleParser.parse(module(10)));

    assertEquals(new CodeSize(codeBytes(10), 10, BODY), size);
  }

  @Test
  void smallCodeRunsOnTheCompilingBackend() {
    int functions = fewestReaching(256 * KIB) - 1;
    assertTrue(codeBytes(functions) < 256 * KIB);

    EngineChoice choice = choose(module(functions), defaults(), Set.of());

    assertEquals("chicory", choice.runtime().name(), choice.reason());
    assertNull(choice.rival(), choice.reason());
    assertTrue(
        choice
            .reason()
            .contains(String.format(Locale.ROOT, "%,d bytes of code", codeBytes(functions))),
        choice.reason());
    assertTrue(choice.reason().contains("under 256 KiB"), choice.reason());
  }

  @Test
  void middleCodeRacesBothFromItsLowerEdge() {
    int functions = fewestReaching(256 * KIB);

    EngineChoice choice = choose(module(functions), defaults(), Set.of());

    assertEquals("chicory", choice.runtime().name(), choice.reason());
    assertEquals("graal", choice.rival().name(), choice.reason());
    assertTrue(choice.reason().contains("between 256 KiB and 4 MiB"), choice.reason());
  }

  @Test
  void middleCodeRacesBothUpToItsUpperEdge() {
    int functions = fewestReaching(4 * MIB) - 1;
    assertTrue(codeBytes(functions) < 4 * MIB);

    EngineChoice choice = choose(module(functions), defaults(), Set.of());

    assertEquals("graal", choice.rival().name(), choice.reason());
  }

  @Test
  void middleCodeWithoutARaceCompiles() {
    EngineChoice choice =
        EngineChoice.choose(
            RUNTIMES,
            defaults().runtime(),
            Set.of(),
            CodeSize.of(ModuleParser.parse(module(fewestReaching(256 * KIB)))),
            null,
            "one processor",
            false,
            null,
            null);

    assertEquals("chicory", choice.runtime().name(), choice.reason());
    assertNull(choice.rival(), choice.reason());
    assertTrue(choice.reason().contains("no race with `graal` (one processor)"), choice.reason());
  }

  /** The choice for the smallest middle-band module on one processor, where the trial runs. */
  private static EngineChoice trialOn(CodeSize code, WisexOptions options) {
    return trialOn(code, options, null);
  }

  private static EngineChoice trialOn(CodeSize code, WisexOptions options, MachinePace pace) {
    return EngineChoice.choose(
        RUNTIMES, options.runtime(), Set.of(), code, null, "one processor", true, null, pace);
  }

  @Test
  void untaughtTheTrialsBudgetIsThisMachinesScanOfTheCodeTimes85() {
    CodeSize code = CodeSize.of(ModuleParser.parse(module(fewestReaching(256 * KIB))));
    // A scan at 12 ns per byte of code (sqlite's and javy's here were 11-12): a compile at 85
    // times that, 1.02 µs per byte.
    java.time.Duration scan = java.time.Duration.ofNanos(code.bytes() * 12);
    EngineChoice choice =
        trialOn(code, WisexOptions.builder().noCache().build(), new MachinePace(scan));

    assertTrue(choice.trial(), choice.reason());
    assertEquals(java.time.Duration.ofNanos(code.bytes() * 1_020), choice.budget().processorTime());
    assertTrue(
        choice.reason().contains("1.02 µs per byte of code, 85 times this machine's own scan"),
        choice.reason());
  }

  @Test
  void aScanTooFastOrTooSlowToBelieveIsHeldWithinBounds() {
    CodeSize code = CodeSize.of(ModuleParser.parse(module(fewestReaching(256 * KIB))));
    WisexOptions untaught = WisexOptions.builder().noCache().build();
    for (long[] scanAndHeld : new long[][] {{1, 500}, {1_000, 4_800}}) {
      MachinePace pace = new MachinePace(java.time.Duration.ofNanos(code.bytes() * scanAndHeld[0]));
      EngineChoice choice = trialOn(code, untaught, pace);
      assertEquals(
          java.time.Duration.ofNanos(code.bytes() * scanAndHeld[1]),
          choice.budget().processorTime());
      assertTrue(choice.reason().contains("held within 0.5-4.8 µs"), choice.reason());
    }
    // No measurement (a JVM without thread processor time): the constant.
    assertEquals(
        java.time.Duration.ofNanos(code.bytes() * 2_400),
        trialOn(code, untaught, MachinePace.between(-1, -1)).budget().processorTime());
  }

  @Test
  void whatAPastCompileTaughtBeatsTheScan(@TempDir Path cache) throws Exception {
    Files.createDirectories(cache.resolve("chicory"));
    Files.writeString(cache.resolve("chicory/compile-rate"), "700\n");
    CodeSize code = CodeSize.of(ModuleParser.parse(module(fewestReaching(256 * KIB))));
    MachinePace pace = new MachinePace(java.time.Duration.ofNanos(code.bytes() * 12));

    EngineChoice choice = trialOn(code, WisexOptions.builder().cacheDir(cache).build(), pace);

    assertEquals(java.time.Duration.ofNanos(code.bytes() * 700), choice.budget().processorTime());
  }

  @Test
  void middleCodeWithoutARaceTriesTheOnDemandBackendFirstForTheCompilesCost() {
    CodeSize code = CodeSize.of(ModuleParser.parse(module(fewestReaching(256 * KIB))));
    EngineChoice choice = trialOn(code, WisexOptions.builder().noCache().build());

    assertTrue(choice.trial(), choice.reason());
    assertEquals("chicory", choice.runtime().name(), choice.reason());
    assertEquals("graal", choice.rival().name(), choice.reason());
    // Nothing learned (no cache directory): 2.4 µs of processor time per byte of code, what
    // Chicory's compile cost on the set on the machine where it was measured.
    assertEquals(java.time.Duration.ofNanos(code.bytes() * 2_400), choice.budget().processorTime());
    // And at most 0.15 steps (function entries and loop iterations) per byte of code, whichever
    // ends first.
    assertEquals(code.bytes() * 15 / 100, choice.steps());
    assertTrue(
        choice
            .reason()
            .startsWith(
                String.format(
                    Locale.ROOT,
                    "runtime `graal` for up to %,d steps (function entries and loop iterations,"
                        + " 0.15 per byte of code) or %.2f s of processor time",
                    code.bytes() * 15 / 100,
                    code.bytes() * 2.4e-6)),
        choice.reason());
    assertTrue(choice.reason().contains("measured on another machine"), choice.reason());
    assertTrue(choice.reason().endsWith("; no race (one processor)"), choice.reason());
  }

  @Test
  void theTrialsBudgetIsWhatChicorysCompilesCostHere(@TempDir Path cache) throws Exception {
    // Chicory's record of its last compiles in the cache directory, nanoseconds per byte of code:
    // the median (700) is the rate, whatever order they came in.
    Files.createDirectories(cache.resolve("chicory"));
    Files.writeString(cache.resolve("chicory/compile-rate"), "900\n650\n700\n");
    CodeSize code = CodeSize.of(ModuleParser.parse(module(fewestReaching(256 * KIB))));

    EngineChoice choice = trialOn(code, WisexOptions.builder().cacheDir(cache).build());

    assertTrue(choice.trial(), choice.reason());
    assertEquals(java.time.Duration.ofNanos(code.bytes() * 700), choice.budget().processorTime());
    assertTrue(
        choice
            .reason()
            .contains("0.70 µs per byte of code, the median of Chicory's last 3 compiles here"),
        choice.reason());
  }

  @Test
  void largeCodeRunsOnTheOnDemandBackend() {
    int functions = fewestLarge();
    assertTrue(codeBytes(functions) >= 4 * MIB);

    EngineChoice choice = choose(module(functions), defaults(), Set.of());

    assertEquals("graal", choice.runtime().name(), choice.reason());
    assertNull(choice.rival(), choice.reason());
    assertTrue(
        choice
            .reason()
            .contains(
                String.format(
                    Locale.ROOT,
                    "%,d bytes of code in %,d functions",
                    codeBytes(functions),
                    functions)),
        choice.reason());
    assertTrue(choice.reason().contains("at least 4 MiB"), choice.reason());
  }

  @Test
  void theListingsRolesNameWhatTheChoiceRuns() {
    DefaultEngines defaults = DefaultEngines.of(RUNTIMES);

    EngineChoice small = choose(module(3), defaults(), Set.of());
    EngineChoice large = choose(module(fewestLarge()), defaults(), Set.of());

    assertEquals(Optional.of("default for code under 256 KiB"), defaults.roleOf(small.runtime()));
    assertEquals(
        Optional.of("default for code of 4 MiB or more"), defaults.roleOf(large.runtime()));
  }

  @Test
  void runtimeNameForcesTheBackend() {
    byte[] large = module(fewestLarge());

    EngineChoice choice =
        choose(large, WisexOptions.builder().runtime("chicory").build(), Set.of());

    assertEquals("chicory", choice.runtime().name());
    assertTrue(choice.reason().contains("chosen with --runtime"), choice.reason());
  }

  @Test
  void aRequiredCapabilityLeavesOneKind() {
    EngineChoice choice = choose(module(3), defaults(), Set.of(Capability.SIMD));

    assertEquals("graal", choice.runtime().name(), choice.reason());
    assertTrue(choice.reason().contains("needs [SIMD]"), choice.reason());
  }

  @Test
  void aForcedExecutionModeKeepsPriority() {
    byte[] large = module(fewestLarge());

    EngineChoice choice =
        choose(
            large,
            WisexOptions.builder().executionMode(ExecutionMode.INTERPRETER).build(),
            Set.of());

    assertEquals("chicory", choice.runtime().name(), choice.reason());
  }

  @Test
  void largeModuleOutputIsTheSameAsTheCompilingBackends() {
    byte[] large = module(fewestLarge());

    WisexResult chosen = new Preinitializer(defaults(), RUNTIMES).preinitialize(large);
    WisexResult reference =
        new Preinitializer(WisexOptions.builder().runtime("chicory").build(), RUNTIMES)
            .preinitialize(large);

    assertEquals("graal", chosen.report().runtime());
    assertArrayEquals(reference.module(), chosen.module());
  }

  @Test
  void smallModuleOutputIsTheSameAsTheOnDemandBackends() {
    byte[] small = module(3);

    WisexResult chosen = new Preinitializer(defaults(), RUNTIMES).preinitialize(small);
    WisexResult reference =
        new Preinitializer(WisexOptions.builder().runtime("graal").build(), RUNTIMES)
            .preinitialize(small);

    assertEquals("chicory", chosen.report().runtime());
    assertArrayEquals(reference.module(), chosen.module());
  }
}
