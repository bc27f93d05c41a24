package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.RejectedModuleException;
import dev.wisex.api.WasmFeatures;
import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.InstructionSites;
import dev.wisex.rewriter.RelaxedSimdReference.Case;
import dev.wisex.rewriter.RelaxedSimdReference.Shape;
import dev.wisex.rewriter.init.ImportLinker;
import dev.wisex.rewriter.instrument.RelaxedSimdPass;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.WasmValidator;
import dev.wisex.testkit.Wat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Init runs relaxed SIMD with the results the spec's deterministic profile prescribes: each of the
 * 20 instructions on edge operands, on GraalWasm, against lanes {@link RelaxedSimdReference}
 * computes in Java from the spec's definitions. All cases share one module (GraalWasm starts in
 * about a second per module).
 */
class RelaxedSimdTest {
  private static WasmRuntime graal;

  /** Case {@code i} stores its result at {@code 16 * i}. */
  private static List<Case> cases;

  private static String wat;

  @BeforeAll
  static void setUp() {
    graal = RuntimeRegistry.discover().select("graal", java.util.Set.of());
    cases = RelaxedSimdReference.cases();
    StringBuilder text =
        new StringBuilder(
            "(module (memory 1) (export \"mem0\" (memory 0)) (func (export \"init\")");
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      text.append(" (v128.store (i32.const ").append(16 * i).append(") (").append(c.op());
      for (byte[] operand : c.operands()) {
        text.append(" (v128.const i8x16");
        for (byte b : operand) {
          text.append(' ').append(b);
        }
        text.append(')');
      }
      text.append("))");
    }
    wat = text.append("))").toString();
  }

  @Test
  void initComputesTheDeterministicProfilesResults() {
    byte[] output = preinitialize(WasmFeatures.defaults());
    byte[] memory = memory(output, 16 * cases.size());
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      byte[] actual = java.util.Arrays.copyOfRange(memory, 16 * i, 16 * i + 16);
      if (!sameLanes(c.shape(), c.expected(), actual)) {
        wrong.add(
            c.op()
                + " expected "
                + HexFormat.of().formatHex(c.expected())
                + " got "
                + HexFormat.of().formatHex(actual));
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(
        20, cases.stream().map(Case::op).distinct().count(), "every relaxed SIMD instruction");
  }

  @Test
  void theOutputKeepsItsRelaxedInstructions() {
    byte[] input = Wat.assemble(wat);
    int relaxed = relaxedCount(input);
    assertEquals(cases.size(), relaxed);

    assertEquals(relaxed, relaxedCount(preinitialize(WasmFeatures.defaults())));
  }

  @Test
  void thePassLeavesNoRelaxedInstructionAndAValidModule() {
    byte[] rewritten = RelaxedSimdPass.apply(ModuleParser.parse(Wat.assemble(wat)), true).bytes();

    assertEquals(0, relaxedCount(rewritten));
    WasmValidator.validate(rewritten);
  }

  @Test
  void withoutDeterminismTheEnginesOwnChoiceRuns() {
    byte[] output = preinitialize(features(true, false));

    assertEquals(cases.size(), relaxedCount(output));
    // Lanes every allowed result agrees on: an in-range swizzle index picks its byte.
    byte[] memory = memory(output, 16);
    assertEquals(0x10, memory[0]);
  }

  @Test
  void aModuleUsingRelaxedSimdIsRejectedWhenItIsOff() {
    WisexOptions options =
        WisexOptions.builder().initFunc("init").features(features(false, true)).build();
    RejectedModuleException e =
        assertThrows(
            RejectedModuleException.class,
            () ->
                new Preinitializer(options, new RuntimeRegistry(List.of(graal)))
                    .preinitialize(Wat.assemble(wat)));
    assertTrue(e.getMessage().contains("WasmFeatures.relaxedSimd=true"), e.getMessage());
  }

  @Test
  void relaxedSimdNeedsSimd() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new WasmFeatures(true, true, true, false, true, true, true, true, true));
    assertTrue(e.getMessage().contains("--wasm-relaxed-simd needs --wasm-simd"), e.getMessage());
    assertEquals(false, new WasmFeatures(true, true, true, false, true, true, true).relaxedSimd());
  }

  private static WasmFeatures features(boolean relaxed, boolean deterministic) {
    return new WasmFeatures(true, true, true, true, true, true, true, relaxed, deterministic);
  }

  /** With {@code verify}: the output, relaxed instructions and all, starts in the snapshot. */
  private static byte[] preinitialize(WasmFeatures features) {
    return new Preinitializer(
            WisexOptions.builder().initFunc("init").features(features).verify(true).build(),
            new RuntimeRegistry(List.of(graal)))
        .preinitialize(Wat.assemble(wat))
        .module();
  }

  private static byte[] memory(byte[] output, int length) {
    WasmModule parsed = ModuleParser.parse(output);
    try (WasmInstance instance =
        graal.instantiate(
            output, ImportLinker.link(parsed, null, graal), InstanceConfig.defaults())) {
      byte[] bytes = new byte[length];
      instance.memory("mem0").read(0, bytes, 0, length);
      return bytes;
    }
  }

  private static int relaxedCount(byte[] module) {
    return InstructionSites.of(ModuleParser.parse(module), InstructionSites::relaxedSimd)
        .bodies()
        .stream()
        .mapToInt(List::size)
        .sum();
  }

  /**
   * Equal lane by lane; a float lane that is NaN in both counts as equal, since which NaN an
   * operation returns is non-deterministic even outside relaxed SIMD.
   */
  private static boolean sameLanes(Shape shape, byte[] expected, byte[] actual) {
    ByteBuffer e = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer a = ByteBuffer.wrap(actual).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 0; at < 16; at += shape == Shape.F64 ? 8 : 4) {
      boolean same =
          switch (shape) {
            case F32 ->
                e.getInt(at) == a.getInt(at)
                    || Float.isNaN(e.getFloat(at)) && Float.isNaN(a.getFloat(at));
            case F64 ->
                e.getLong(at) == a.getLong(at)
                    || Double.isNaN(e.getDouble(at)) && Double.isNaN(a.getDouble(at));
            case INT -> e.getInt(at) == a.getInt(at);
          };
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
