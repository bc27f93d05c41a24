package dev.wisex.rewriter.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.WasmValidator;
import dev.wisex.testkit.Wat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A split module computes what the original computes. The reference is the original module run on
 * the other backend than the split one (or the same, when only one is available): results, the
 * globals and memory every call leaves, for every input. Limits far below the real ones make every
 * construct a piece: a switch in a loop, shared and temporary locals, a return with a value, a
 * branch to the function's label, a block with a result (which must stay in place), a block with
 * parameters, unreachable code, a fall-through between cases.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FunctionSplitterTest {
  /** Random programs per run: 120 in the suite; {@code -Dwisex.split.programs=N} for a long run. */
  private static final int PROGRAMS = Integer.getInteger("wisex.split.programs", 120);

  private static final long FIRST_SEED = Long.getLong("wisex.split.seed", 1);

  private static final byte[] INTERPRETER =
      Wat.resource(FunctionSplitterTest.class, "/wat/split/interpreter.wat");

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 1000})
  void interpreterSplitAtEveryGrainComputesTheSame(int maxExits) {
    for (int pieceBytes : new int[] {12, 40, 120, 400}) {
      FunctionSplitter.Limits limits =
          new FunctionSplitter.Limits(pieceBytes / 2, pieceBytes, 4, 200, maxExits);
      WasmModule split =
          ModuleParser.parse(HugeFunctionSplitter.apply(ModuleParser.parse(INTERPRETER), limits));
      assertTrue(
          split.bodies().size() > 3,
          "pieces were made at " + pieceBytes + " bytes, " + maxExits + " exits");
      WasmValidator.validate(split.bytes());
      List<long[]> calls = new ArrayList<>();
      for (int start = 0; start <= 28; start += 2) {
        calls.add(new long[] {start});
      }
      assertSameBehaviour(INTERPRETER, split.bytes(), "run", calls);
    }
  }

  @Test
  void aModuleWithoutHugeFunctionsIsLeftAsItIs() {
    WasmModule module = ModuleParser.parse(INTERPRETER);
    assertSame(module.bytes(), HugeFunctionSplitter.apply(module, 100_000));
  }

  @Test
  void codeTheSplitterDoesNotModelStaysAsItIs() {
    // SIMD is not modelled: the function keeps its body, the module stays valid and unchanged.
    byte[] simd =
        Wat.assemble(
            """
            (module (func (export "f") (result i32) (local $v v128)
              (local.set $v (i32x4.splat (i32.const 3)))
              (i32x4.extract_lane 0 (i32x4.add (local.get $v) (local.get $v)))
              (drop) (i32.const 1) (drop) (i32.const 2) (drop) (i32.const 5)))
            """);
    WasmModule module = ModuleParser.parse(simd);
    assertSame(module.bytes(), HugeFunctionSplitter.apply(module, limits(8)));
  }

  @Test
  void aFunctionLeftWholeLeavesNoPieceBehind() {
    // Two long functions; in the first, a local that does not exist (init runs before the engine
    // validates) is read in a block cut after another block has already been cut into pieces.
    String statements = straightLine(60);
    String second = " (func (block " + statements + "))";
    byte[] valid =
        Wat.assemble(
            "(module (memory 1)"
                + " (func (local i32) (block "
                + statements
                + ") (block "
                + statements
                + " (drop (local.get 0))))"
                + second
                + ")");
    byte[] broken = valid.clone();
    int at = indexOf(broken, new byte[] {0x20, 0x00, 0x1A}); // local.get 0, drop
    assertTrue(at > 0);
    broken[at + 1] = 99; // local 99: no such local
    FunctionSplitter.Limits limits = new FunctionSplitter.Limits(100, 200, 8, 200, 4);
    int secondAlone =
        ModuleParser.parse(
                    HugeFunctionSplitter.apply(
                        ModuleParser.parse(Wat.assemble("(module (memory 1)" + second + ")")),
                        limits))
                .bodies()
                .size()
            - 1;
    assertTrue(secondAlone > 0, "the valid function is split");
    WasmModule result =
        ModuleParser.parse(HugeFunctionSplitter.apply(ModuleParser.parse(broken), limits));
    assertEquals(2 + secondAlone, result.bodies().size(), "pieces of the second function only");
  }

  private static String straightLine(int count) {
    StringBuilder wat = new StringBuilder();
    for (int k = 0; k < count; k++) {
      wat.append(" (i32.store (i32.const ")
          .append(4 * k)
          .append(") (i32.add (i32.load (i32.const ")
          .append(4 * k)
          .append(")) (i32.const ")
          .append(k)
          .append(")))");
    }
    return wat.toString();
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    for (int i = bytes.length - pattern.length; i >= 0; i--) {
      if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Random structured programs ({@link RandomProgram}): nested loops, ifs, switches, blocks with
   * results, returns and branches to the function's label, over shared locals and memory.
   */
  @Test
  void randomProgramsSplitComputeTheSame() {
    int split = 0;
    for (long seed = FIRST_SEED; seed < FIRST_SEED + PROGRAMS; seed++) {
      RandomProgram program = new RandomProgram(new Random(seed));
      byte[] original;
      try {
        original = Wat.assemble(program.wat());
      } catch (IllegalArgumentException e) {
        throw new AssertionError(
            "generator wrote invalid WAT, seed " + seed + ":\n" + program.wat(), e);
      }
      Random grain = new Random(seed * 31);
      int pieceBytes = 8 + grain.nextInt(300);
      FunctionSplitter.Limits limits =
          new FunctionSplitter.Limits(
              pieceBytes / 2, pieceBytes, 4, 200, new int[] {1, 2, 4, 1000}[grain.nextInt(4)]);
      WasmModule result =
          ModuleParser.parse(HugeFunctionSplitter.apply(ModuleParser.parse(original), limits));
      if (result.bodies().size() > 2) {
        split++;
      }
      try {
        WasmValidator.validate(result.bytes());
        assertSameBehaviour(original, result.bytes(), "run", program.calls());
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "seed " + seed + ", " + limits + " diverged:\n" + program.wat(), e);
      }
    }
    assertTrue(split >= PROGRAMS * 5 / 6, "most programs were split: " + split + " of " + PROGRAMS);
  }

  /**
   * Through the whole pipeline: init in a function larger than Chicory's limit runs split on
   * Chicory and whole on GraalWasm, and {@code --cross-check} requires byte-identical outputs.
   */
  @Test
  void initInAHugeFunctionGivesTheSameOutputOnEveryBackend() {
    Assumptions.assumeTrue(RuntimeRegistry.discover().available().size() > 1, "one backend");
    int checked = 0;
    for (long seed = 1; checked < 3 && seed < 40; seed++) {
      byte[] wasm = Wat.assemble(new RandomProgram(new Random(seed), 900).wat());
      WasmModule module = ModuleParser.parse(wasm);
      int largest =
          RuntimeRegistry.discover().available().stream()
              .mapToInt(WasmRuntime::largestFastFunctionBytes)
              .min()
              .orElseThrow();
      if (HugeFunctionSplitter.apply(module, largest) == module.bytes()) {
        continue; // no function over the limit, or nothing the splitter could cut
      }
      WisexOptions options = WisexOptions.builder().crossCheck(true).build();
      new Preinitializer(options).preinitialize(wasm);
      checked++;
    }
    assertEquals(3, checked, "three programs were split and cross-checked");
  }

  private static FunctionSplitter.Limits limits(int bytes) {
    return new FunctionSplitter.Limits(bytes, bytes, 1, 200, 1000);
  }

  /**
   * Runs {@code original} on one backend and {@code split} on another (the same if there is one),
   * each call on a fresh instance, and requires equal results or traps, globals and memory.
   */
  private static void assertSameBehaviour(
      byte[] original, byte[] split, String export, List<long[]> calls) {
    List<WasmRuntime> backends = RuntimeRegistry.discover().available();
    WasmRuntime reference = backends.get(backends.size() - 1);
    WasmRuntime tested = backends.get(0);
    for (long[] args : calls) {
      String expected = behaviour(reference, original, export, args);
      assertEquals(
          expected,
          behaviour(tested, split, export, args),
          "split on " + tested.name() + " against original on " + reference.name());
      assertEquals(
          expected,
          behaviour(reference, split, export, args),
          "split against original, both on " + reference.name());
    }
  }

  /** What a call leaves: its result or trap, the exported global, the memory's first page. */
  private static String behaviour(WasmRuntime runtime, byte[] module, String export, long[] args) {
    try (WasmInstance instance =
        runtime.instantiate(module, HostImports.none(), InstanceConfig.defaults())) {
      String result;
      try {
        result = java.util.Arrays.toString(instance.call(export, args));
      } catch (RuntimeException trap) {
        result = "trap";
      }
      byte[] memory = new byte[65536];
      instance.memory("memory").read(0, memory, 0, memory.length);
      return result
          + " steps="
          + instance.global("steps").low()
          + " memory="
          + java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(memory));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theComparisonSeesADifference() throws java.io.IOException {
    // Not blind: the interpreter with one constant changed behaves differently on each backend.
    String text;
    try (var in = FunctionSplitterTest.class.getResourceAsStream("/wat/split/interpreter.wat")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    byte[] changed = Wat.assemble(text.replace("(i64.const 1000)", "(i64.const 1001)"));
    for (WasmRuntime runtime : RuntimeRegistry.discover().available()) {
      assertTrue(
          !behaviour(runtime, INTERPRETER, "run", new long[] {26})
              .equals(behaviour(runtime, changed, "run", new long[] {26})),
          runtime.name());
    }
  }
}
