package dev.wisex.rewriter.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WasmTrapException;
import dev.wisex.parser.ModuleParser;
import dev.wisex.rewriter.init.ImportLinker;
import dev.wisex.rewriter.instrument.ConformancePass;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scalar numeric and conversion instruction, applied to edge operands (±0, ±inf, NaN
 * payloads, the extremes of each width, 2^31, 2^32, 2^53, 2^63, 2^64−1, shift counts past the
 * width), on every available backend with its known defects worked around as for init: all backends
 * must return the same bits or all trap, and each must give what the spec computed in Java gives
 * ({@link ScalarReference}). The spec lets a NaN result's sign and payload vary, so two NaNs agree,
 * but an arithmetic instruction's NaN must be quiet.
 */
class InstructionCoverageTest {
  private static final Logger LOG = LogManager.getLogger(InstructionCoverageTest.class);

  private static final long[] I32 = {
    0,
    1,
    -1,
    2,
    -2,
    7,
    8,
    15,
    16,
    31,
    32,
    33,
    0x7F,
    0x80,
    0xFF,
    0x8000,
    0xFFFF,
    Integer.MIN_VALUE,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE + 1,
    // Half-way between two floats (a tie: round to the even one): 2^24 + 1, 2^31 + 2^7 unsigned.
    0x0100_0001,
    0x8000_0080L
  };
  private static final long[] I64 = {
    0,
    1,
    -1,
    2,
    63,
    64,
    65,
    1L << 31,
    1L << 32,
    (1L << 32) - 1,
    1L << 53,
    (1L << 53) + 1,
    Long.MIN_VALUE,
    Long.MAX_VALUE,
    0x8000_0000_0000_0001L,
    -(1L << 32),
    0xFFFF_FFFFL,
    // Half-way between two floats (a tie: round to the even one, below then above): for f32 from
    // 2^63 up, for f64 from 2^63 up and signed at 2^54 (Chicory 1.7.5 rounded these wrongly).
    0x8000_0080_0000_0000L,
    0x8000_0180_0000_0000L,
    0x8000_0000_0000_0400L,
    0x8000_0000_0000_0C00L,
    (1L << 54) + 2,
    -((1L << 54) + 6)
  };
  private static final long[] F32 = {
    0x0000_0000L,
    0x8000_0000L,
    0x3F80_0000L,
    0xBF80_0000L,
    0x7F80_0000L,
    0xFF80_0000L,
    0x7FC0_0000L,
    0x7FA0_0001L,
    0xFFC0_0000L,
    0x0000_0001L,
    0x7F7F_FFFFL,
    0x4F00_0000L,
    0x4F80_0000L,
    0x5F00_0000L,
    0x5F80_0000L,
    0xCF00_0000L,
    0x3F00_0000L,
    0x3FC0_0000L,
    0x4020_0000L,
    0xBF00_0000L
  };
  private static final long[] F64 = {
    0L, 0x8000_0000_0000_0000L, 0x3FF0_0000_0000_0000L, 0xBFF0_0000_0000_0000L,
    0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L, 0x7FF8_0000_0000_0000L, 0x7FF4_0000_0000_0001L,
    0xFFF8_0000_0000_0000L, 1L, 0x7FEF_FFFF_FFFF_FFFFL, 0x41E0_0000_0000_0000L,
    0x41F0_0000_0000_0000L, 0x4340_0000_0000_0000L, 0x43E0_0000_0000_0000L, 0x43F0_0000_0000_0000L,
    0xC3E0_0000_0000_0000L, 0x3FE0_0000_0000_0000L, 0x4004_0000_0000_0000L, 0x41EF_FFFF_FFF0_0000L
  };

  /**
   * One instruction: its WAT name, parameter types and result type ("i32", "i64", "f32", "f64").
   */
  private record Op(String name, List<String> params, String result) {}

  private static List<Op> ops() {
    List<Op> ops = new ArrayList<>();
    for (String t : List.of("i32", "i64")) {
      for (String u : List.of("clz", "ctz", "popcnt", "extend8_s", "extend16_s")) {
        ops.add(new Op(t + "." + u, List.of(t), t));
      }
      ops.add(new Op(t + ".eqz", List.of(t), "i32"));
      for (String b :
          List.of(
              "add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl",
              "shr_s", "shr_u", "rotl", "rotr")) {
        ops.add(new Op(t + "." + b, List.of(t, t), t));
      }
      for (String c :
          List.of("eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u")) {
        ops.add(new Op(t + "." + c, List.of(t, t), "i32"));
      }
    }
    ops.add(new Op("i64.extend32_s", List.of("i64"), "i64"));
    for (String t : List.of("f32", "f64")) {
      for (String u : List.of("abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt")) {
        ops.add(new Op(t + "." + u, List.of(t), t));
      }
      for (String b : List.of("add", "sub", "mul", "div", "min", "max", "copysign")) {
        ops.add(new Op(t + "." + b, List.of(t, t), t));
      }
      for (String c : List.of("eq", "ne", "lt", "gt", "le", "ge")) {
        ops.add(new Op(t + "." + c, List.of(t, t), "i32"));
      }
    }
    ops.add(new Op("i32.wrap_i64", List.of("i64"), "i32"));
    ops.add(new Op("i64.extend_i32_s", List.of("i32"), "i64"));
    ops.add(new Op("i64.extend_i32_u", List.of("i32"), "i64"));
    for (String i : List.of("i32", "i64")) {
      for (String f : List.of("f32", "f64")) {
        for (String s : List.of("s", "u")) {
          ops.add(new Op(i + ".trunc_" + f + "_" + s, List.of(f), i));
          ops.add(new Op(i + ".trunc_sat_" + f + "_" + s, List.of(f), i));
          ops.add(new Op(f + ".convert_" + i + "_" + s, List.of(i), f));
        }
      }
    }
    ops.add(new Op("f32.demote_f64", List.of("f64"), "f32"));
    ops.add(new Op("f64.promote_f32", List.of("f32"), "f64"));
    ops.add(new Op("i32.reinterpret_f32", List.of("f32"), "i32"));
    ops.add(new Op("i64.reinterpret_f64", List.of("f64"), "i64"));
    ops.add(new Op("f32.reinterpret_i32", List.of("i32"), "f32"));
    ops.add(new Op("f64.reinterpret_i64", List.of("i64"), "f64"));
    return ops;
  }

  @Test
  void everyBackendComputesEveryScalarInstructionAlike() {
    List<WasmRuntime> backends = RuntimeRegistry.discover().available();
    Assumptions.assumeTrue(backends.size() > 1, "needs two backends");
    List<Op> ops = ops();
    byte[] module = module(ops);
    List<Map<String, String>> outcomes = new ArrayList<>();
    for (WasmRuntime backend : backends) {
      outcomes.add(run(backend, module, ops));
    }
    List<String> disagreements = new ArrayList<>();
    for (String key : outcomes.get(0).keySet()) {
      for (int b = 1; b < backends.size(); b++) {
        String first = outcomes.get(0).get(key);
        String other = outcomes.get(b).get(key);
        if (!first.equals(other)) {
          disagreements.add(
              String.format(
                  "%s: `%s` gives %s, `%s` gives %s",
                  key, backends.get(0).name(), first, backends.get(b).name(), other));
        }
      }
    }
    LOG.info(
        "{} instructions x edge operands: {} cases on each of {} backends, {} disagreements",
        ops.size(),
        outcomes.get(0).size(),
        backends.size(),
        disagreements.size());
    assertTrue(
        disagreements.isEmpty(),
        disagreements.size()
            + " disagreements, e.g.:\n"
            + String.join("\n", disagreements.subList(0, Math.min(20, disagreements.size()))));
  }

  /** One exported function per instruction, {@code o<index>}, applying it to its parameters. */
  private static byte[] module(List<Op> ops) {
    StringBuilder wat = new StringBuilder("(module");
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      wat.append(String.format(" (func (export \"o%d\") (param", i));
      op.params().forEach(p -> wat.append(' ').append(p));
      wat.append(") (result ").append(op.result()).append(") (local.get 0)");
      if (op.params().size() == 2) {
        wat.append(" (local.get 1)");
      }
      wat.append(' ').append(op.name()).append(')');
    }
    return Wat.assemble(wat.append(')').toString());
  }

  static List<WasmRuntime> backends() {
    return RuntimeRegistry.discover().available();
  }

  /**
   * Each backend against the spec computed in Java ({@link ScalarReference}): agreement between two
   * Java engines could hide a shortcut they share.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void everyScalarInstructionComputesWhatTheSpecSays(WasmRuntime backend) {
    List<Op> ops = ops();
    Map<String, String> outcomes = run(backend, module(ops), ops);
    List<String> wrong = new ArrayList<>();
    forEachCase(
        ops,
        (key, index, op, args) -> {
          String expected =
              ScalarReference.outcome(op.name(), args[0], args.length > 1 ? args[1] : 0);
          if (!expected.equals(outcomes.get(key))) {
            wrong.add(
                key
                    + ": the spec gives "
                    + expected
                    + ", `"
                    + backend.name()
                    + "` "
                    + outcomes.get(key));
          }
        });
    assertTrue(
        wrong.isEmpty(),
        wrong.size()
            + " cases differ from the spec, e.g.:\n"
            + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
  }

  /** One case: its key, its instruction (and the index of its export) and its operands. */
  private interface Case {
    void accept(String key, int index, Op op, long[] args);
  }

  private static void forEachCase(List<Op> ops, Case each) {
    for (int index = 0; index < ops.size(); index++) {
      Op op = ops.get(index);
      long[] as = operands(op.params().get(0));
      long[] bs = op.params().size() == 2 ? operands(op.params().get(1)) : new long[] {0};
      for (long a : as) {
        for (long b : bs) {
          long[] args = op.params().size() == 2 ? new long[] {a, b} : new long[] {a};
          String key =
              op.name()
                  + "(0x"
                  + Long.toHexString(a)
                  + (args.length == 2 ? ", 0x" + Long.toHexString(b) : "")
                  + ")";
          each.accept(key, index, op, args);
        }
      }
    }
  }

  private static Map<String, String> run(WasmRuntime backend, byte[] module, List<Op> ops) {
    byte[] runnable =
        ConformancePass.apply(ModuleParser.parse(module), backend.knownDefects()).bytes();
    Map<String, String> out = new LinkedHashMap<>();
    try (WasmInstance instance =
        backend.instantiate(
            runnable,
            ImportLinker.link(ModuleParser.parse(runnable), null, backend),
            InstanceConfig.defaults())) {
      forEachCase(
          ops,
          (key, index, op, args) -> {
            String outcome;
            try {
              outcome = describe(op, instance.call("o" + index, args)[0]);
            } catch (WasmTrapException e) {
              outcome = "trap";
            }
            out.put(key, outcome);
          });
    }
    return out;
  }

  private static long[] operands(String type) {
    return switch (type) {
      case "i32" -> I32;
      case "i64" -> I64;
      case "f32" -> F32;
      default -> F64;
    };
  }

  /**
   * The result's bits, masked to its width; a NaN as "nan" (the spec leaves its sign and payload
   * open), unless an arithmetic instruction returned it without its quiet bit, which the spec
   * forbids (Chicory and GraalWasm passed a signalling {@code min} operand through): then its bits.
   * {@code abs}, {@code neg}, {@code copysign} and reinterpretations keep a NaN's bits, quiet or
   * not.
   */
  private static String describe(Op op, long bits) {
    boolean bitwise =
        op.name().endsWith(".abs")
            || op.name().endsWith(".neg")
            || op.name().endsWith(".copysign")
            || op.name().contains("reinterpret");
    return switch (op.result()) {
      case "i32" -> "0x" + Integer.toHexString((int) bits);
      case "f32" ->
          !Float.isNaN(Float.intBitsToFloat((int) bits))
              ? "0x" + Integer.toHexString((int) bits)
              : bitwise || (bits & 0x0040_0000) != 0
                  ? "nan"
                  : "signalling nan 0x" + Integer.toHexString((int) bits);
      case "f64" ->
          !Double.isNaN(Double.longBitsToDouble(bits))
              ? "0x" + Long.toHexString(bits)
              : bitwise || (bits & 0x0008_0000_0000_0000L) != 0
                  ? "nan"
                  : "signalling nan 0x" + Long.toHexString(bits);
      default -> "0x" + Long.toHexString(bits);
    };
  }
}
