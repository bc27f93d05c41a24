package dev.wisex.rewriter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The relaxed SIMD instructions' results in the deterministic profile, computed lane by lane in
 * Java from the definitions in the WebAssembly 3.0 spec (numerics, "Relaxed Operations": every
 * relaxation parameter is 0 in that profile), on edge operands: NaN, ±0, ±∞, out-of-range lanes and
 * indices, INT16_MIN products, sums that saturate or wrap near 2^31.
 */
final class RelaxedSimdReference {
  /** How to compare a result: float lanes match any NaN with any NaN. */
  enum Shape {
    INT,
    F32,
    F64
  }

  /** One instruction ({@code op}, its WAT name) on one set of operands. */
  record Case(String op, Shape shape, byte[] expected, byte[]... operands) {}

  private static final float F32_ULP_ABOVE_1 = Math.scalb(1f, -23);
  private static final double F64_ULP_ABOVE_1 = Math.scalb(1d, -52);

  private RelaxedSimdReference() {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    swizzle(cases);
    truncations(cases);
    multiplyAdds(cases);
    laneSelects(cases);
    minMax(cases);
    q15(cases);
    dots(cases);
    return cases;
  }

  /** Profile: i8x16.swizzle, an index of 16 or more (unsigned) gives 0. */
  private static void swizzle(List<Case> cases) {
    byte[] a = new byte[16];
    for (int i = 0; i < 16; i++) {
      a[i] = (byte) (0x10 + i);
    }
    byte[] s = i8x16(0, 15, 16, 17, 31, 127, 128, 200, 255, 5, 1, 14, 64, 0x7F, 0x80, 3);
    byte[] r = new byte[16];
    for (int i = 0; i < 16; i++) {
      int j = s[i] & 0xFF;
      r[i] = j < 16 ? a[j] : 0;
    }
    cases.add(new Case("i8x16.relaxed_swizzle", Shape.INT, r, a, s));
  }

  /** Profile: the saturating truncations (NaN gives 0, out of range the nearest bound). */
  private static void truncations(List<Case> cases) {
    float[][] f32 = {
      {Float.NaN, 3e9f, -3e9f, 2147483520f},
      {-0.9f, 2147483648f, -2147483648f, -2147483904f},
      {4294967040f, 4294967296f, -1f, Float.POSITIVE_INFINITY},
      {Float.NEGATIVE_INFINITY, 1.5f, -1.5f, -0f}
    };
    for (float[] lanes : f32) {
      cases.add(
          new Case(
              "i32x4.relaxed_trunc_f32x4_s",
              Shape.INT,
              i32x4(truncS(lanes[0]), truncS(lanes[1]), truncS(lanes[2]), truncS(lanes[3])),
              f32x4(lanes)));
      cases.add(
          new Case(
              "i32x4.relaxed_trunc_f32x4_u",
              Shape.INT,
              i32x4(truncU(lanes[0]), truncU(lanes[1]), truncU(lanes[2]), truncU(lanes[3])),
              f32x4(lanes)));
    }
    double[][] f64 = {
      {Double.NaN, 2147483647.9},
      {2147483648.0, -2147483648.5},
      {-2147483649.0, 4294967295.5},
      {4294967296.0, -0.5},
      {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}
    };
    for (double[] lanes : f64) {
      cases.add(
          new Case(
              "i32x4.relaxed_trunc_f64x2_s_zero",
              Shape.INT,
              i32x4(truncS(lanes[0]), truncS(lanes[1]), 0, 0),
              f64x2(lanes)));
      cases.add(
          new Case(
              "i32x4.relaxed_trunc_f64x2_u_zero",
              Shape.INT,
              i32x4(truncU(lanes[0]), truncU(lanes[1]), 0, 0),
              f64x2(lanes)));
    }
  }

  /**
   * Profile: unfused, fadd(fmul(a, b), c), each step rounded; nmadd negates a first. (1 + ulp)(1 -
   * ulp) - 1 is 0 unfused but -ulp² fused, so the first lane tells the two apart.
   */
  private static void multiplyAdds(List<Case> cases) {
    float[] a = {1 + F32_ULP_ABOVE_1, Float.NaN, 1e38f, -0f};
    float[] b = {1 - F32_ULP_ABOVE_1, 1f, 10f, 0f};
    float[] c = {-1f, 1f, -1e38f, -0f};
    float[] madd = new float[4];
    float[] nmadd = new float[4];
    for (int i = 0; i < 4; i++) {
      float product = a[i] * b[i]; // IEEE binary32 multiply, rounded to nearest even
      madd[i] = product + c[i];
      float negated = -a[i] * b[i];
      nmadd[i] = negated + c[i];
    }
    cases.add(new Case("f32x4.relaxed_madd", Shape.F32, f32x4(madd), f32x4(a), f32x4(b), f32x4(c)));
    cases.add(
        new Case("f32x4.relaxed_nmadd", Shape.F32, f32x4(nmadd), f32x4(a), f32x4(b), f32x4(c)));
    double[][] a64 = {{1 + F64_ULP_ABOVE_1, Double.NaN}, {1e308, -0d}};
    double[][] b64 = {{1 - F64_ULP_ABOVE_1, 2}, {10, 0}};
    double[][] c64 = {{-1, 3}, {-1e308, -0d}};
    for (int k = 0; k < 2; k++) {
      double[] madd64 = new double[2];
      double[] nmadd64 = new double[2];
      for (int i = 0; i < 2; i++) {
        double product = a64[k][i] * b64[k][i];
        madd64[i] = product + c64[k][i];
        double negated = -a64[k][i] * b64[k][i];
        nmadd64[i] = negated + c64[k][i];
      }
      byte[][] operands = {f64x2(a64[k]), f64x2(b64[k]), f64x2(c64[k])};
      cases.add(new Case("f64x2.relaxed_madd", Shape.F64, f64x2(madd64), operands));
      cases.add(new Case("f64x2.relaxed_nmadd", Shape.F64, f64x2(nmadd64), operands));
    }
  }

  /** Profile: v128.bitselect, bit by bit, even where a lane's mask mixes set and clear bits. */
  private static void laneSelects(List<Case> cases) {
    byte[] a = new byte[16];
    byte[] b = new byte[16];
    java.util.Arrays.fill(a, (byte) 0xF0);
    java.util.Arrays.fill(b, (byte) 0x0F);
    byte[] m =
        i8x16(
            0x81, 0x7F, 0x80, 0x00, 0xFF, 0x55, 0xAA, 0x01, 0xFF, 0xFF, 0x00, 0x80, 0x3C, 0, 0, 1);
    byte[] r = new byte[16];
    for (int i = 0; i < 16; i++) {
      r[i] = (byte) ((a[i] & m[i]) | (b[i] & ~m[i]));
    }
    for (String shape : List.of("i8x16", "i16x8", "i32x4", "i64x2")) {
      cases.add(new Case(shape + ".relaxed_laneselect", Shape.INT, r, a, b, m));
    }
  }

  /** Profile: fmin/fmax: NaN if either operand is NaN, -0 below +0. */
  private static void minMax(List<Case> cases) {
    float[][] x = {{-0f, 0f, Float.NaN, 1f}, {Float.NEGATIVE_INFINITY, 3f, -1f, Float.MIN_VALUE}};
    float[][] y = {{0f, -0f, 1f, Float.NaN}, {Float.POSITIVE_INFINITY, -3f, -2f, -0f}};
    for (int k = 0; k < 2; k++) {
      float[] min = new float[4];
      float[] max = new float[4];
      for (int i = 0; i < 4; i++) {
        min[i] = (float) fmin(x[k][i], y[k][i]);
        max[i] = (float) -fmin(-x[k][i], -y[k][i]);
      }
      cases.add(new Case("f32x4.relaxed_min", Shape.F32, f32x4(min), f32x4(x[k]), f32x4(y[k])));
      cases.add(new Case("f32x4.relaxed_max", Shape.F32, f32x4(max), f32x4(x[k]), f32x4(y[k])));
    }
    double[][] x64 = {{-0d, Double.NaN}, {0d, 2}};
    double[][] y64 = {{0d, 1}, {-0d, Double.NaN}};
    for (int k = 0; k < 2; k++) {
      double[] min = {fmin(x64[k][0], y64[k][0]), fmin(x64[k][1], y64[k][1])};
      double[] max = {-fmin(-x64[k][0], -y64[k][0]), -fmin(-x64[k][1], -y64[k][1])};
      byte[][] operands = {f64x2(x64[k]), f64x2(y64[k])};
      cases.add(new Case("f64x2.relaxed_min", Shape.F64, f64x2(min), operands));
      cases.add(new Case("f64x2.relaxed_max", Shape.F64, f64x2(max), operands));
    }
  }

  /** The spec's fmin: NaN wins, then -0 is below +0, then the smaller value. */
  private static double fmin(double x, double y) {
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.NaN;
    }
    if (x == 0 && y == 0) {
      return Double.doubleToRawLongBits(x) < 0 ? x : y; // the negative zero, if any
    }
    return x < y ? x : y;
  }

  /** Profile: i16x8.q15mulr_sat_s, so INT16_MIN × INT16_MIN saturates to INT16_MAX. */
  private static void q15(List<Case> cases) {
    int[] a = {-32768, -32768, 32767, -1, 16384, -16384, 1, 32767};
    int[] b = {-32768, 32767, 32767, 1, 16384, 16384, 16384, -32768};
    int[] r = new int[8];
    for (int i = 0; i < 8; i++) {
      r[i] = sat16((a[i] * b[i] + 0x4000) >> 15);
    }
    cases.add(new Case("i16x8.relaxed_q15mulr_s", Shape.INT, i16x8(r), i16x8(a), i16x8(b)));
  }

  /**
   * Profile: both bytes signed (the second operand's high bit makes it negative), each pair's sum
   * saturated to 16 bits; the i32x4 form adds pairs of those, then the accumulator, wrapping.
   */
  private static void dots(List<Case> cases) {
    byte[] a = i8x16(-128, -128, -128, -128, 127, 127, -128, 127, 1, -1, 0, 5, -7, 100, 64, 64);
    byte[] b =
        i8x16(-128, -128, -127, -127, 127, 127, 127, -128, 127, 127, -1, -1, 3, -100, 64, 64);
    int[] dot = new int[8];
    for (int i = 0; i < 8; i++) {
      dot[i] = sat16(a[2 * i] * b[2 * i] + a[2 * i + 1] * b[2 * i + 1]);
    }
    cases.add(new Case("i16x8.relaxed_dot_i8x16_i7x16_s", Shape.INT, i16x8(dot), a, b));
    int[] acc = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 12345};
    int[] sums = new int[4];
    for (int k = 0; k < 4; k++) {
      sums[k] = (int) ((long) dot[2 * k] + dot[2 * k + 1] + acc[k]); // i32 addition wraps
    }
    cases.add(
        new Case("i32x4.relaxed_dot_i8x16_i7x16_add_s", Shape.INT, i32x4(sums), a, b, i32x4(acc)));
  }

  private static int truncS(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    double t = v < 0 ? Math.ceil(v) : Math.floor(v);
    return t < -0x1p31 ? Integer.MIN_VALUE : t > 0x1p31 - 1 ? Integer.MAX_VALUE : (int) (long) t;
  }

  private static int truncU(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    double t = v < 0 ? Math.ceil(v) : Math.floor(v);
    return t < 0 ? 0 : t > 0x1p32 - 1 ? -1 : (int) (long) t;
  }

  private static int sat16(int v) {
    return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
  }

  private static ByteBuffer vector() {
    return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] i8x16(int... lanes) {
    ByteBuffer v = vector();
    for (int lane : lanes) {
      v.put((byte) lane);
    }
    return v.array();
  }

  private static byte[] i16x8(int... lanes) {
    ByteBuffer v = vector();
    for (int lane : lanes) {
      v.putShort((short) lane);
    }
    return v.array();
  }

  private static byte[] i32x4(int... lanes) {
    ByteBuffer v = vector();
    for (int lane : lanes) {
      v.putInt(lane);
    }
    return v.array();
  }

  private static byte[] f32x4(float... lanes) {
    ByteBuffer v = vector();
    for (float lane : lanes) {
      v.putFloat(lane);
    }
    return v.array();
  }

  private static byte[] f64x2(double... lanes) {
    ByteBuffer v = vector();
    for (double lane : lanes) {
      v.putDouble(lane);
    }
    return v.array();
  }
}
