package dev.wisex.rewriter.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.parser.ModuleParser;
import dev.wisex.rewriter.instrument.ConformancePass;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixed-width SIMD instruction on every backend that runs SIMD (GraalWasm here: no second
 * engine runs it, so the reference is the spec's definition computed lane by lane in Java), on
 * random vectors and vectors of edge lanes (the extremes of each width, ±0, ±inf, NaN payloads,
 * halves, 2^31, 2^32), with shift counts past the lane width and negative ones. The backend's known
 * defects are worked around as for init ({@link ConformancePass}). A lane whose expected value is a
 * NaN may hold any NaN (the spec leaves its bits open); every other lane must be exact.
 */
class SimdReferenceTest {
  private static final Logger LOG = LogManager.getLogger(SimdReferenceTest.class);
  private static final int CASES = 48;

  static List<WasmRuntime> simdBackends() {
    return RuntimeRegistry.discover().available().stream()
        .filter(r -> r.capabilities().contains(Capability.SIMD))
        .toList();
  }

  /**
   * How the result is compared: integer bytes exactly, float lanes with any NaN for a NaN (quiet,
   * where the instruction is arithmetic).
   */
  private enum Result {
    INT,
    F32,
    F64
  }

  /** The operands of one case: three vectors and a scalar count. */
  private record Args(byte[] a, byte[] b, byte[] c, int count) {}

  /** The reference: the result bytes (16, or the scalar's width) for {@code args}. */
  private interface Reference {
    byte[] apply(Args args);
  }

  /**
   * One instruction as a WAT expression over {@code A}, {@code B}, {@code C} (v128 operands) and
   * {@code N} (the i32 count or scalar), its result's store and its reference.
   *
   * @param store the store of the result ({@code v128.store}, {@code i32.store}, ...)
   * @param width the result's bytes
   */
  private record Op(String expr, String store, int width, Result kind, Reference reference) {}

  private static final String A = "(v128.load (i32.const 16))";
  private static final String B = "(v128.load (i32.const 32))";
  private static final String C = "(v128.load (i32.const 48))";
  private static final String N = "(local.get 0)";

  @ParameterizedTest
  @MethodSource("simdBackends")
  void everySimdInstructionComputesWhatTheSpecSays(WasmRuntime runtime) {
    List<Op> ops = ops();
    StringBuilder wat = new StringBuilder("(module (memory (export \"memory\") 1)");
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      wat.append(
          String.format(
              "%n (func (export \"o%d\") (param i32) (%s (i32.const 0) %s))",
              i, op.store(), op.expr()));
    }
    byte[] module = Wat.assemble(wat.append(')').toString());
    byte[] runnable =
        ConformancePass.apply(ModuleParser.parse(module), runtime.knownDefects()).bytes();
    Random random = new Random(20261205);
    List<String> wrong = new ArrayList<>();
    int cases = 0;
    try (WasmInstance instance =
        runtime.instantiate(runnable, HostImports.none(), InstanceConfig.defaults())) {
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        for (int k = 0; k < CASES; k++) {
          Args args =
              new Args(
                  vector(random, k), vector(random, k + 1), vector(random, k + 2), count(random));
          byte[] operands = new byte[48];
          System.arraycopy(args.a(), 0, operands, 0, 16);
          System.arraycopy(args.b(), 0, operands, 16, 16);
          System.arraycopy(args.c(), 0, operands, 32, 16);
          instance.memory("memory").write(16, operands, 0, 48);
          instance.call("o" + i, args.count());
          byte[] actual = new byte[op.width()];
          instance.memory("memory").read(0, actual, 0, actual.length);
          byte[] expected = op.reference().apply(args);
          cases++;
          if (!agree(op.kind(), quietNaNs(op.expr()), expected, actual)) {
            wrong.add(
                String.format(
                    "%s: a=%s b=%s c=%s n=%d: expected %s, got %s",
                    op.expr(),
                    hex(args.a()),
                    hex(args.b()),
                    hex(args.c()),
                    args.count(),
                    hex(expected),
                    hex(actual)));
          }
        }
      }
    }
    LOG.info("{} SIMD instructions, {} cases on `{}`", ops.size(), cases, runtime.name());
    Set<String> names = new TreeSet<>();
    wrong.forEach(w -> names.add(w.substring(1, w.indexOf(' '))));
    assertEquals(244, ops.size(), "instruction forms (README, Reliability)");
    assertTrue(
        wrong.isEmpty(),
        wrong.size()
            + " cases of "
            + names
            + " differ from the spec, e.g.:\n"
            + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
  }

  /** The reference itself must tell instructions apart: a wrong model would pass nothing. */
  @Test
  void theReferenceDistinguishesSignedFromUnsigned() {
    byte[] a = new byte[16];
    byte[] b = new byte[16];
    a[0] = (byte) 0xFF; // -1 signed, 255 unsigned
    b[0] = 1;
    Args args = new Args(a, b, b, 0);
    byte[] minS = find("i8x16.min_s").reference().apply(args);
    byte[] minU = find("i8x16.min_u").reference().apply(args);
    assertFalse(minS[0] == minU[0], "min_s and min_u agree on -1 and 1");
  }

  private static Op find(String name) {
    return ops().stream().filter(o -> o.expr().startsWith("(" + name + " ")).findFirst().get();
  }

  // ---- operands

  private static final long[] EDGE_INTS = {
    0,
    1,
    -1,
    2,
    0x7F,
    0x80,
    0xFF,
    0x7FFF,
    0x8000,
    0xFFFF,
    0x7FFF_FFFFL,
    0x8000_0000L,
    0xFFFF_FFFFL,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    0x4000,
    0x10,
    0x0F
  };
  private static final float[] EDGE_F32 = {
    0f,
    -0f,
    1f,
    -1f,
    0.5f,
    -0.5f,
    1.5f,
    2.5f,
    -2.5f,
    Float.MIN_VALUE,
    -Float.MIN_VALUE,
    Float.MAX_VALUE,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    2147483648f,
    4294967296f,
    -2147483904f,
    4294967040f,
    1e10f,
    -1e10f,
    0.49999997f
  };
  private static final double[] EDGE_F64 = {
    0d,
    -0d,
    1d,
    -1d,
    0.5,
    -0.5,
    1.5,
    2.5,
    -2.5,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    2147483648d,
    4294967296d,
    -2147483649d,
    4294967295.5,
    1e300,
    3.4028235677973366e38,
    1.401298464324817e-45,
    0.49999999999999994
  };

  /** A random vector: random bytes, or lanes of one width drawn from the edge values. */
  private static byte[] vector(Random r, int salt) {
    byte[] v = new byte[16];
    switch ((r.nextInt(6) + salt) % 6) {
      case 0, 1 -> r.nextBytes(v);
      case 2 -> {
        int bits = 8 << r.nextInt(4);
        for (int i = 0; i < 128 / bits; i++) {
          put(v, bits, i, EDGE_INTS[r.nextInt(EDGE_INTS.length)] * (r.nextBoolean() ? 1 : -1));
        }
      }
      case 3 -> {
        for (int i = 0; i < 4; i++) {
          int bits =
              r.nextInt(8) == 0
                  ? 0x7FC0_0000 | r.nextInt(0x40_0000) | (r.nextBoolean() ? 0x8000_0000 : 0)
                  : Float.floatToRawIntBits(EDGE_F32[r.nextInt(EDGE_F32.length)]);
          put(v, 32, i, bits);
        }
      }
      case 4 -> {
        for (int i = 0; i < 2; i++) {
          long bits =
              r.nextInt(8) == 0
                  ? 0x7FF8_0000_0000_0000L | r.nextLong(1L << 51)
                  : Double.doubleToRawLongBits(EDGE_F64[r.nextInt(EDGE_F64.length)]);
          put(v, 64, i, bits);
        }
      }
      default -> {
        // small lanes: shuffle and swizzle indices, narrow inputs near the limits
        for (int i = 0; i < 16; i++) {
          v[i] = (byte) (r.nextInt(40) - 4);
        }
      }
    }
    return v;
  }

  private static int count(Random r) {
    int[] counts = {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, -1, -7, -8, -33, -64};
    return r.nextBoolean() ? counts[r.nextInt(counts.length)] : r.nextInt();
  }

  // ---- lanes

  private static long lane(byte[] v, int bits, int i) {
    long value = 0;
    for (int k = bits / 8 - 1; k >= 0; k--) {
      value = (value << 8) | (v[i * bits / 8 + k] & 0xFF);
    }
    return bits == 64 ? value : (value << (64 - bits)) >> (64 - bits); // signed
  }

  private static long ulane(byte[] v, int bits, int i) {
    return bits == 64 ? lane(v, bits, i) : lane(v, bits, i) & ((1L << bits) - 1);
  }

  private static void put(byte[] v, int bits, int i, long value) {
    for (int k = 0; k < bits / 8; k++) {
      v[i * bits / 8 + k] = (byte) (value >>> (8 * k));
    }
  }

  private static byte[] scalar(long value, int bytes) {
    byte[] out = new byte[bytes];
    put(out, bytes * 8, 0, value);
    return out;
  }

  private static long satS(long v, int bits) {
    long max = (1L << (bits - 1)) - 1;
    return Math.max(-max - 1, Math.min(max, v));
  }

  private static long satU(long v, int bits) {
    return Math.max(0, Math.min((1L << bits) - 1, v));
  }

  private static String shape(int bits) {
    return "i" + bits + "x" + (128 / bits);
  }

  // ---- the instructions

  private static Op vop(String name, String operands, Result kind, Reference reference) {
    return new Op("(" + name + " " + operands + ")", "v128.store", 16, kind, reference);
  }

  /** The bits of result lane {@code i} for the case's operands. */
  private interface Lane {
    long apply(Args x, int i);
  }

  /**
   * An instruction whose result's first {@code lanes} lanes of {@code bits} each {@code lane}
   * gives.
   */
  private static Op lanewise(
      String name, String operands, Result kind, int bits, int lanes, Lane lane) {
    return vop(
        name,
        operands,
        kind,
        x -> {
          byte[] r = new byte[16];
          for (int i = 0; i < lanes; i++) {
            put(r, bits, i, lane.apply(x, i));
          }
          return r;
        });
  }

  private static Op lanes2(String name, int bits, LongBinaryOperator f) {
    return lanewise(
        name,
        A + " " + B,
        Result.INT,
        bits,
        128 / bits,
        (x, i) -> f.applyAsLong(lane(x.a(), bits, i), lane(x.b(), bits, i)));
  }

  private static Op ulanes2(String name, int bits, LongBinaryOperator f) {
    return lanewise(
        name,
        A + " " + B,
        Result.INT,
        bits,
        128 / bits,
        (x, i) -> f.applyAsLong(ulane(x.a(), bits, i), ulane(x.b(), bits, i)));
  }

  private static Op lanes1(String name, int bits, LongUnaryOperator f) {
    return lanewise(
        name, A, Result.INT, bits, 128 / bits, (x, i) -> f.applyAsLong(lane(x.a(), bits, i)));
  }

  private static List<Op> ops() {
    List<Op> ops = new ArrayList<>();
    integerOps(ops);
    bitwiseOps(ops);
    wideningOps(ops);
    laneOps(ops);
    floatOps(ops);
    conversionOps(ops);
    return ops;
  }

  private static void integerOps(List<Op> ops) {
    for (int bits : new int[] {8, 16, 32, 64}) {
      String s = shape(bits);
      int w = bits;
      ops.add(lanes2(s + ".add", bits, Long::sum));
      ops.add(lanes2(s + ".sub", bits, (x, y) -> x - y));
      if (bits > 8) {
        ops.add(lanes2(s + ".mul", bits, (x, y) -> x * y));
      }
      ops.add(lanes1(s + ".neg", bits, x -> -x));
      ops.add(lanes1(s + ".abs", bits, Math::abs));
      ops.add(lanes2(s + ".eq", bits, (x, y) -> x == y ? -1 : 0));
      ops.add(lanes2(s + ".ne", bits, (x, y) -> x != y ? -1 : 0));
      ops.add(lanes2(s + ".lt_s", bits, (x, y) -> x < y ? -1 : 0));
      ops.add(lanes2(s + ".gt_s", bits, (x, y) -> x > y ? -1 : 0));
      ops.add(lanes2(s + ".le_s", bits, (x, y) -> x <= y ? -1 : 0));
      ops.add(lanes2(s + ".ge_s", bits, (x, y) -> x >= y ? -1 : 0));
      for (String shift : List.of("shl", "shr_s", "shr_u")) {
        ops.add(
            vop(
                s + "." + shift,
                A + " " + N,
                Result.INT,
                x -> {
                  byte[] r = new byte[16];
                  int by = x.count() & (w - 1);
                  for (int i = 0; i < 128 / w; i++) {
                    long v =
                        switch (shift) {
                          case "shl" -> lane(x.a(), w, i) << by;
                          case "shr_s" -> lane(x.a(), w, i) >> by;
                          default -> ulane(x.a(), w, i) >>> by;
                        };
                    put(r, w, i, v);
                  }
                  return r;
                }));
      }
      ops.add(
          new Op(
              "(" + s + ".all_true " + A + ")",
              "i32.store",
              4,
              Result.INT,
              x -> {
                boolean all = true;
                for (int i = 0; i < 128 / w; i++) {
                  all &= lane(x.a(), w, i) != 0;
                }
                return scalar(all ? 1 : 0, 4);
              }));
      ops.add(
          new Op(
              "(" + s + ".bitmask " + A + ")",
              "i32.store",
              4,
              Result.INT,
              x -> {
                long mask = 0;
                for (int i = 0; i < 128 / w; i++) {
                  mask |= lane(x.a(), w, i) < 0 ? 1L << i : 0;
                }
                return scalar(mask, 4);
              }));
      if (bits < 64) {
        ops.add(ulanes2(s + ".lt_u", bits, (x, y) -> x < y ? -1 : 0));
        ops.add(ulanes2(s + ".gt_u", bits, (x, y) -> x > y ? -1 : 0));
        ops.add(ulanes2(s + ".le_u", bits, (x, y) -> x <= y ? -1 : 0));
        ops.add(ulanes2(s + ".ge_u", bits, (x, y) -> x >= y ? -1 : 0));
        ops.add(lanes2(s + ".min_s", bits, Math::min));
        ops.add(lanes2(s + ".max_s", bits, Math::max));
        ops.add(ulanes2(s + ".min_u", bits, Math::min));
        ops.add(ulanes2(s + ".max_u", bits, Math::max));
      }
      if (bits <= 16) {
        ops.add(lanes2(s + ".add_sat_s", bits, (x, y) -> satS(x + y, w)));
        ops.add(lanes2(s + ".sub_sat_s", bits, (x, y) -> satS(x - y, w)));
        ops.add(ulanes2(s + ".add_sat_u", bits, (x, y) -> satU(x + y, w)));
        ops.add(ulanes2(s + ".sub_sat_u", bits, (x, y) -> satU(x - y, w)));
        ops.add(ulanes2(s + ".avgr_u", bits, (x, y) -> (x + y + 1) >>> 1));
      }
    }
    ops.add(lanes1("i8x16.popcnt", 8, x -> Long.bitCount(x & 0xFF)));
    ops.add(lanes2("i16x8.q15mulr_sat_s", 16, (x, y) -> satS((x * y + 0x4000) >> 15, 16)));
  }

  private static void bitwiseOps(List<Op> ops) {
    ops.add(lanes1("v128.not", 64, x -> ~x));
    ops.add(lanes2("v128.and", 64, (x, y) -> x & y));
    ops.add(lanes2("v128.andnot", 64, (x, y) -> x & ~y));
    ops.add(lanes2("v128.or", 64, (x, y) -> x | y));
    ops.add(lanes2("v128.xor", 64, (x, y) -> x ^ y));
    ops.add(
        vop(
            "v128.bitselect",
            A + " " + B + " " + C,
            Result.INT,
            x -> {
              byte[] r = new byte[16];
              for (int i = 0; i < 16; i++) {
                r[i] = (byte) ((x.a()[i] & x.c()[i]) | (x.b()[i] & ~x.c()[i]));
              }
              return r;
            }));
    ops.add(
        new Op(
            "(v128.any_true " + A + ")",
            "i32.store",
            4,
            Result.INT,
            x -> scalar(lane(x.a(), 64, 0) != 0 || lane(x.a(), 64, 1) != 0 ? 1 : 0, 4)));
    ops.add(
        vop(
            "i8x16.swizzle",
            A + " " + B,
            Result.INT,
            x -> {
              byte[] r = new byte[16];
              for (int i = 0; i < 16; i++) {
                int at = x.b()[i] & 0xFF;
                r[i] = at < 16 ? x.a()[at] : 0;
              }
              return r;
            }));
    Random lanes = new Random(7);
    for (int s = 0; s < 4; s++) {
      int[] pick = new int[16];
      StringBuilder immediates = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        pick[i] = lanes.nextInt(32);
        immediates.append(pick[i]).append(' ');
      }
      ops.add(
          vop(
              "i8x16.shuffle " + immediates.toString().strip(),
              A + " " + B,
              Result.INT,
              x -> {
                byte[] r = new byte[16];
                for (int i = 0; i < 16; i++) {
                  r[i] = pick[i] < 16 ? x.a()[pick[i]] : x.b()[pick[i] - 16];
                }
                return r;
              }));
    }
  }

  private static void wideningOps(List<Op> ops) {
    for (int bits : new int[] {16, 32, 64}) {
      int half = bits / 2;
      String to = shape(bits);
      String from = shape(half);
      for (String sign : List.of("s", "u")) {
        boolean signed = sign.equals("s");
        for (String part : List.of("low", "high")) {
          int first = part.equals("low") ? 0 : 64 / half;
          ops.add(
              vop(
                  to + ".extend_" + part + "_" + from + "_" + sign,
                  A,
                  Result.INT,
                  x -> {
                    byte[] r = new byte[16];
                    for (int i = 0; i < 128 / bits; i++) {
                      long v =
                          signed ? lane(x.a(), half, first + i) : ulane(x.a(), half, first + i);
                      put(r, bits, i, v);
                    }
                    return r;
                  }));
          ops.add(
              vop(
                  to + ".extmul_" + part + "_" + from + "_" + sign,
                  A + " " + B,
                  Result.INT,
                  x -> {
                    byte[] r = new byte[16];
                    for (int i = 0; i < 128 / bits; i++) {
                      long p =
                          signed
                              ? lane(x.a(), half, first + i) * lane(x.b(), half, first + i)
                              : ulane(x.a(), half, first + i) * ulane(x.b(), half, first + i);
                      put(r, bits, i, p);
                    }
                    return r;
                  }));
        }
        if (bits <= 32) {
          ops.add(
              vop(
                  to + ".extadd_pairwise_" + from + "_" + sign,
                  A,
                  Result.INT,
                  x -> {
                    byte[] r = new byte[16];
                    for (int i = 0; i < 128 / bits; i++) {
                      long v =
                          signed
                              ? lane(x.a(), half, 2 * i) + lane(x.a(), half, 2 * i + 1)
                              : ulane(x.a(), half, 2 * i) + ulane(x.a(), half, 2 * i + 1);
                      put(r, bits, i, v);
                    }
                    return r;
                  }));
        }
      }
    }
    for (int bits : new int[] {8, 16}) {
      int wide = bits * 2;
      for (String sign : List.of("s", "u")) {
        ops.add(
            vop(
                shape(bits) + ".narrow_" + shape(wide) + "_" + sign,
                A + " " + B,
                Result.INT,
                x -> {
                  byte[] r = new byte[16];
                  int n = 128 / wide;
                  for (int i = 0; i < 2 * n; i++) {
                    long v = i < n ? lane(x.a(), wide, i) : lane(x.b(), wide, i - n);
                    put(r, bits, i, sign.equals("s") ? satS(v, bits) : satU(v, bits));
                  }
                  return r;
                }));
      }
    }
    ops.add(
        vop(
            "i32x4.dot_i16x8_s",
            A + " " + B,
            Result.INT,
            x -> {
              byte[] r = new byte[16];
              for (int i = 0; i < 4; i++) {
                put(
                    r,
                    32,
                    i,
                    lane(x.a(), 16, 2 * i) * lane(x.b(), 16, 2 * i)
                        + lane(x.a(), 16, 2 * i + 1) * lane(x.b(), 16, 2 * i + 1));
              }
              return r;
            }));
  }

  private static void laneOps(List<Op> ops) {
    String[] shapes = {"i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"};
    int[] widths = {8, 16, 32, 64, 32, 64};
    String[] scalars = {"i32", "i32", "i32", "i64", "f32", "f64"};
    for (int k = 0; k < shapes.length; k++) {
      String s = shapes[k];
      int bits = widths[k];
      String scalar = scalars[k];
      Result kind = s.startsWith("f") ? (bits == 32 ? Result.F32 : Result.F64) : Result.INT;
      String load = "(" + scalar + ".load (i32.const 32))";
      ops.add(
          vop(
              s + ".splat",
              load,
              kind,
              x -> {
                byte[] r = new byte[16];
                for (int i = 0; i < 128 / bits; i++) {
                  put(r, bits, i, lane(x.b(), bits, 0));
                }
                return r;
              }));
      int lanes = 128 / bits;
      for (int at : new int[] {0, lanes - 1, lanes / 2}) {
        ops.add(
            vop(
                s + ".replace_lane " + at,
                A + " " + load,
                kind,
                x -> {
                  byte[] r = x.a().clone();
                  put(r, bits, at, lane(x.b(), bits, 0));
                  return r;
                }));
        List<String> suffixes = bits < 32 ? List.of("_s", "_u") : List.of("");
        for (String suffix : suffixes) {
          int width = bits < 32 ? 4 : bits / 8;
          ops.add(
              new Op(
                  "(" + s + ".extract_lane" + suffix + " " + at + " " + A + ")",
                  scalar + ".store",
                  width,
                  kind,
                  x ->
                      scalar(
                          suffix.equals("_u") ? ulane(x.a(), bits, at) : lane(x.a(), bits, at),
                          width)));
        }
      }
    }
  }

  // ---- floats

  private interface F32Binary {
    float apply(float x, float y);
  }

  private interface F64Binary {
    double apply(double x, double y);
  }

  private static float f32(byte[] v, int i) {
    return Float.intBitsToFloat((int) lane(v, 32, i));
  }

  private static double f64(byte[] v, int i) {
    return Double.longBitsToDouble(lane(v, 64, i));
  }

  private static Op f32x4(String name, F32Binary f) {
    return lanewise(
        "f32x4." + name,
        A + " " + B,
        Result.F32,
        32,
        4,
        (x, i) -> Float.floatToRawIntBits(f.apply(f32(x.a(), i), f32(x.b(), i))));
  }

  private static Op f64x2(String name, F64Binary f) {
    return lanewise(
        "f64x2." + name,
        A + " " + B,
        Result.F64,
        64,
        2,
        (x, i) -> Double.doubleToRawLongBits(f.apply(f64(x.a(), i), f64(x.b(), i))));
  }

  /** A one-operand f32x4 instruction; each lane exact through double (float's values are). */
  private static Op f32x4Unary(String name, DoubleUnaryOperator f) {
    return lanewise(
        "f32x4." + name,
        A,
        Result.F32,
        32,
        4,
        (x, i) -> Float.floatToRawIntBits((float) f.applyAsDouble(f32(x.a(), i))));
  }

  private static Op f64x2Unary(String name, DoubleUnaryOperator f) {
    return lanewise(
        "f64x2." + name,
        A,
        Result.F64,
        64,
        2,
        (x, i) -> Double.doubleToRawLongBits(f.applyAsDouble(f64(x.a(), i))));
  }

  private static Op f32x4Compare(String name, F32Binary test) {
    return lanewise(
        "f32x4." + name,
        A + " " + B,
        Result.INT,
        32,
        4,
        (x, i) -> test.apply(f32(x.a(), i), f32(x.b(), i)) != 0 ? -1 : 0);
  }

  private static Op f64x2Compare(String name, F64Binary test) {
    return lanewise(
        "f64x2." + name,
        A + " " + B,
        Result.INT,
        64,
        2,
        (x, i) -> test.apply(f64(x.a(), i), f64(x.b(), i)) != 0 ? -1 : 0);
  }

  private static double wasmMin(double x, double y) {
    return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.min(x, y);
  }

  private static double wasmMax(double x, double y) {
    return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y);
  }

  private static double trunc(double x) {
    return x < 0 ? Math.ceil(x) : Math.floor(x);
  }

  private static void floatOps(List<Op> ops) {
    ops.add(f32x4("add", (x, y) -> x + y));
    ops.add(f32x4("sub", (x, y) -> x - y));
    ops.add(f32x4("mul", (x, y) -> x * y));
    ops.add(f32x4("div", (x, y) -> x / y));
    ops.add(f32x4("min", (x, y) -> (float) wasmMin(x, y)));
    ops.add(f32x4("max", (x, y) -> (float) wasmMax(x, y)));
    ops.add(f32x4("pmin", (x, y) -> y < x ? y : x));
    ops.add(f32x4("pmax", (x, y) -> x < y ? y : x));
    ops.add(f32x4Unary("sqrt", Math::sqrt));
    ops.add(f32x4Unary("ceil", Math::ceil));
    ops.add(f32x4Unary("floor", Math::floor));
    ops.add(f32x4Unary("trunc", SimdReferenceTest::trunc));
    ops.add(f32x4Unary("nearest", Math::rint));
    ops.add(f32x4Unary("abs", Math::abs));
    ops.add(f32x4Unary("neg", x -> -x));
    ops.add(f32x4Compare("eq", (x, y) -> x == y ? 1 : 0));
    ops.add(f32x4Compare("ne", (x, y) -> x != y ? 1 : 0));
    ops.add(f32x4Compare("lt", (x, y) -> x < y ? 1 : 0));
    ops.add(f32x4Compare("gt", (x, y) -> x > y ? 1 : 0));
    ops.add(f32x4Compare("le", (x, y) -> x <= y ? 1 : 0));
    ops.add(f32x4Compare("ge", (x, y) -> x >= y ? 1 : 0));
    ops.add(f64x2("add", (x, y) -> x + y));
    ops.add(f64x2("sub", (x, y) -> x - y));
    ops.add(f64x2("mul", (x, y) -> x * y));
    ops.add(f64x2("div", (x, y) -> x / y));
    ops.add(f64x2("min", SimdReferenceTest::wasmMin));
    ops.add(f64x2("max", SimdReferenceTest::wasmMax));
    ops.add(f64x2("pmin", (x, y) -> y < x ? y : x));
    ops.add(f64x2("pmax", (x, y) -> x < y ? y : x));
    ops.add(f64x2Unary("sqrt", Math::sqrt));
    ops.add(f64x2Unary("ceil", Math::ceil));
    ops.add(f64x2Unary("floor", Math::floor));
    ops.add(f64x2Unary("trunc", SimdReferenceTest::trunc));
    ops.add(f64x2Unary("nearest", Math::rint));
    ops.add(f64x2Unary("abs", Math::abs));
    ops.add(f64x2Unary("neg", x -> -x));
    ops.add(f64x2Compare("eq", (x, y) -> x == y ? 1 : 0));
    ops.add(f64x2Compare("ne", (x, y) -> x != y ? 1 : 0));
    ops.add(f64x2Compare("lt", (x, y) -> x < y ? 1 : 0));
    ops.add(f64x2Compare("gt", (x, y) -> x > y ? 1 : 0));
    ops.add(f64x2Compare("le", (x, y) -> x <= y ? 1 : 0));
    ops.add(f64x2Compare("ge", (x, y) -> x >= y ? 1 : 0));
  }

  private static long truncSat(double x, boolean signed) {
    if (Double.isNaN(x)) {
      return 0;
    }
    double t = trunc(x);
    if (signed) {
      return (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, t));
    }
    return (long) Math.max(0, Math.min(4294967295d, t));
  }

  private static void conversionOps(List<Op> ops) {
    for (String sign : List.of("s", "u")) {
      boolean signed = sign.equals("s");
      ops.add(
          lanewise(
              "f32x4.convert_i32x4_" + sign,
              A,
              Result.F32,
              32,
              4,
              (x, i) ->
                  Float.floatToRawIntBits(
                      (float) (signed ? lane(x.a(), 32, i) : ulane(x.a(), 32, i)))));
      ops.add(
          lanewise(
              "f64x2.convert_low_i32x4_" + sign,
              A,
              Result.F64,
              64,
              2,
              (x, i) ->
                  Double.doubleToRawLongBits(
                      (double) (signed ? lane(x.a(), 32, i) : ulane(x.a(), 32, i)))));
      ops.add(
          lanewise(
              "i32x4.trunc_sat_f32x4_" + sign,
              A,
              Result.INT,
              32,
              4,
              (x, i) -> truncSat(f32(x.a(), i), signed)));
      ops.add(
          lanewise(
              "i32x4.trunc_sat_f64x2_" + sign + "_zero",
              A,
              Result.INT,
              32,
              2,
              (x, i) -> truncSat(f64(x.a(), i), signed)));
    }
    ops.add(
        lanewise(
            "f32x4.demote_f64x2_zero",
            A,
            Result.F32,
            32,
            2,
            (x, i) -> Float.floatToRawIntBits((float) f64(x.a(), i))));
    ops.add(
        lanewise(
            "f64x2.promote_low_f32x4",
            A,
            Result.F64,
            64,
            2,
            (x, i) -> Double.doubleToRawLongBits(f32(x.a(), i))));
  }

  // ---- comparison

  /**
   * Whether a NaN lane of {@code expr}'s result must be quiet: the spec makes an arithmetic
   * instruction's NaN an arithmetic (quiet) one, while {@code abs}, {@code neg}, {@code pmin},
   * {@code pmax} and the lane moves keep a NaN's bits, signalling or not.
   */
  private static boolean quietNaNs(String expr) {
    String op = expr.substring(1, expr.indexOf(' '));
    return !(op.endsWith(".abs")
        || op.endsWith(".neg")
        || op.endsWith(".pmin")
        || op.endsWith(".pmax")
        || op.endsWith(".splat")
        || op.contains("_lane"));
  }

  private static boolean agree(Result kind, boolean quiet, byte[] expected, byte[] actual) {
    if (kind == Result.INT) {
      return java.util.Arrays.equals(expected, actual);
    }
    int bits = kind == Result.F32 ? 32 : 64;
    for (int i = 0; i < expected.length * 8 / bits; i++) {
      long e = lane(expected, bits, i);
      long a = lane(actual, bits, i);
      boolean eNaN =
          bits == 32
              ? Float.isNaN(Float.intBitsToFloat((int) e))
              : Double.isNaN(Double.longBitsToDouble(e));
      boolean aNaN =
          bits == 32
              ? Float.isNaN(Float.intBitsToFloat((int) a))
              : Double.isNaN(Double.longBitsToDouble(a));
      if (eNaN ? !aNaN : e != a) {
        return false;
      }
      if (eNaN && quiet && (a & (bits == 32 ? 0x0040_0000L : 0x0008_0000_0000_0000L)) == 0) {
        return false; // a signalling NaN from an arithmetic instruction
      }
    }
    return true;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
