package dev.wisex.rewriter.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The spec's scalar numeric instructions computed in Java, for {@link InstructionCoverageTest}:
 * both backends are Java programs that may lean on the same JDK shortcuts, so their agreement alone
 * cannot show that either is right. Float-to-integer bounds, unsigned conversions and rounding go
 * through exact decimal and big-integer arithmetic rather than casts; sign operations work on bits.
 * An outcome is written as the test writes the backends': the result's bits in hex, "nan" for any
 * NaN, or "trap".
 */
final class ScalarReference {
  private static final String TRAP = "trap";
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private ScalarReference() {}

  /** The outcome of {@code op} on operands {@code a} and {@code b} (bits; b unused if unary). */
  static String outcome(String op, long a, long b) {
    String type = op.substring(0, 3);
    String name = op.substring(4);
    if (name.startsWith("trunc_")) {
      return truncate(name, a, type.equals("i32") ? 32 : 64);
    }
    return switch (type) {
      case "i32" -> i32(name, (int) a, (int) b);
      case "i64" -> i64(name, a, b);
      case "f32" -> f32(name, a, b);
      default -> f64(name, a, b);
    };
  }

  private static String i32(String name, int a, int b) {
    long r =
        switch (name) {
          case "clz" -> Integer.numberOfLeadingZeros(a);
          case "ctz" -> Integer.numberOfTrailingZeros(a);
          case "popcnt" -> Integer.bitCount(a);
          case "extend8_s" -> (byte) a;
          case "extend16_s" -> (short) a;
          case "eqz" -> a == 0 ? 1 : 0;
          case "add" -> a + b;
          case "sub" -> a - b;
          case "mul" -> a * b;
          case "div_s" -> {
            if (b == 0 || (a == Integer.MIN_VALUE && b == -1)) {
              yield Long.MIN_VALUE;
            }
            yield BigInteger.valueOf(a).divide(BigInteger.valueOf(b)).intValue();
          }
          case "div_u" -> b == 0 ? Long.MIN_VALUE : (int) (unsigned(a) / unsigned(b));
          case "rem_s" ->
              b == 0
                  ? Long.MIN_VALUE
                  : BigInteger.valueOf(a).remainder(BigInteger.valueOf(b)).intValue();
          case "rem_u" -> b == 0 ? Long.MIN_VALUE : (int) (unsigned(a) % unsigned(b));
          case "and" -> a & b;
          case "or" -> a | b;
          case "xor" -> a ^ b;
          case "shl" -> a << (b & 31);
          case "shr_s" -> a >> (b & 31);
          case "shr_u" -> a >>> (b & 31);
          case "rotl" -> (a << (b & 31)) | ((b & 31) == 0 ? 0 : a >>> (32 - (b & 31)));
          case "rotr" -> (a >>> (b & 31)) | ((b & 31) == 0 ? 0 : a << (32 - (b & 31)));
          case "eq" -> a == b ? 1 : 0;
          case "ne" -> a != b ? 1 : 0;
          case "lt_s" -> a < b ? 1 : 0;
          case "lt_u" -> unsigned(a) < unsigned(b) ? 1 : 0;
          case "gt_s" -> a > b ? 1 : 0;
          case "gt_u" -> unsigned(a) > unsigned(b) ? 1 : 0;
          case "le_s" -> a <= b ? 1 : 0;
          case "le_u" -> unsigned(a) <= unsigned(b) ? 1 : 0;
          case "ge_s" -> a >= b ? 1 : 0;
          case "ge_u" -> unsigned(a) >= unsigned(b) ? 1 : 0;
          case "wrap_i64" -> a;
          case "reinterpret_f32" -> a;
          default -> throw new IllegalArgumentException("no reference for i32." + name);
        };
    return r == Long.MIN_VALUE ? TRAP : "0x" + Integer.toHexString((int) r);
  }

  private static String i64(String name, long a, long b) {
    BigInteger ua = unsigned(a);
    BigInteger ub = unsigned(b);
    long r;
    switch (name) {
      case "div_s", "div_u", "rem_s", "rem_u" -> {
        if (b == 0 || (name.equals("div_s") && a == Long.MIN_VALUE && b == -1)) {
          return TRAP;
        }
        BigInteger x = name.endsWith("_s") ? BigInteger.valueOf(a) : ua;
        BigInteger y = name.endsWith("_s") ? BigInteger.valueOf(b) : ub;
        r = (name.startsWith("div") ? x.divide(y) : x.remainder(y)).longValue();
      }
      default ->
          r =
              switch (name) {
                case "clz" -> Long.numberOfLeadingZeros(a);
                case "ctz" -> Long.numberOfTrailingZeros(a);
                case "popcnt" -> Long.bitCount(a);
                case "extend8_s" -> (byte) a;
                case "extend16_s" -> (short) a;
                case "extend32_s" -> (int) a;
                case "eqz" -> a == 0 ? 1 : 0;
                case "add" -> a + b;
                case "sub" -> a - b;
                case "mul" -> BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).longValue();
                case "and" -> a & b;
                case "or" -> a | b;
                case "xor" -> a ^ b;
                case "shl" -> a << (b & 63);
                case "shr_s" -> a >> (b & 63);
                case "shr_u" -> a >>> (b & 63);
                case "rotl" -> (a << (b & 63)) | ((b & 63) == 0 ? 0 : a >>> (64 - (b & 63)));
                case "rotr" -> (a >>> (b & 63)) | ((b & 63) == 0 ? 0 : a << (64 - (b & 63)));
                case "eq" -> a == b ? 1 : 0;
                case "ne" -> a != b ? 1 : 0;
                case "lt_s" -> a < b ? 1 : 0;
                case "lt_u" -> ua.compareTo(ub) < 0 ? 1 : 0;
                case "gt_s" -> a > b ? 1 : 0;
                case "gt_u" -> ua.compareTo(ub) > 0 ? 1 : 0;
                case "le_s" -> a <= b ? 1 : 0;
                case "le_u" -> ua.compareTo(ub) <= 0 ? 1 : 0;
                case "ge_s" -> a >= b ? 1 : 0;
                case "ge_u" -> ua.compareTo(ub) >= 0 ? 1 : 0;
                case "extend_i32_s" -> (int) a;
                case "extend_i32_u" -> a & 0xFFFF_FFFFL;
                case "reinterpret_f64" -> a;
                default -> throw new IllegalArgumentException("no reference for i64." + name);
              };
    }
    boolean comparison = name.equals("eqz") || name.matches("(eq|ne|[lg][te]_[su])");
    return comparison ? "0x" + Integer.toHexString((int) r) : "0x" + Long.toHexString(r);
  }

  /** {@code iNN.trunc[_sat]_fMM_s|u}: exact, from the float's decimal value. */
  private static String truncate(String name, long operand, int bits) {
    boolean sat = name.startsWith("trunc_sat");
    boolean signed = name.endsWith("_s");
    boolean from32 = name.contains("f32");
    double value = from32 ? Float.intBitsToFloat((int) operand) : Double.longBitsToDouble(operand);
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max =
        (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits))
            .subtract(BigInteger.ONE);
    BigInteger result;
    if (Double.isNaN(value)) {
      if (!sat) {
        return TRAP;
      }
      result = BigInteger.ZERO;
    } else if (Double.isInfinite(value)) {
      if (!sat) {
        return TRAP;
      }
      result = value > 0 ? max : min;
    } else {
      BigInteger t = new BigDecimal(value).toBigInteger(); // toward zero
      if (t.compareTo(min) < 0 || t.compareTo(max) > 0) {
        if (!sat) {
          return TRAP;
        }
        t = t.compareTo(min) < 0 ? min : max;
      }
      result = t;
    }
    return bits == 32
        ? "0x" + Integer.toHexString(result.intValue())
        : "0x" + Long.toHexString(result.longValue());
  }

  private static String f32(String name, long a, long b) {
    int ia = (int) a;
    int ib = (int) b;
    float x = Float.intBitsToFloat(ia);
    float y = Float.intBitsToFloat(ib);
    if (isComparison(name)) {
      return "0x" + Integer.toHexString(compare(name, x, y) ? 1 : 0);
    }
    int bits =
        switch (name) {
          case "abs" -> ia & 0x7FFF_FFFF;
          case "neg" -> ia ^ 0x8000_0000;
          case "copysign" -> (ia & 0x7FFF_FFFF) | (ib & 0x8000_0000);
          case "ceil" -> Float.floatToRawIntBits((float) Math.ceil(x));
          case "floor" -> Float.floatToRawIntBits((float) Math.floor(x));
          case "trunc" -> Float.floatToRawIntBits((float) truncate(x));
          case "nearest" -> Float.floatToRawIntBits((float) nearest(x));
          case "sqrt" -> Float.floatToRawIntBits((float) Math.sqrt(x));
          case "add" -> Float.floatToRawIntBits(x + y);
          case "sub" -> Float.floatToRawIntBits(x - y);
          case "mul" -> Float.floatToRawIntBits(x * y);
          case "div" -> Float.floatToRawIntBits(x / y);
          case "min" -> Float.floatToRawIntBits((float) min(x, y));
          case "max" -> Float.floatToRawIntBits((float) max(x, y));
          case "demote_f64" -> Float.floatToRawIntBits((float) Double.longBitsToDouble(a));
          case "convert_i32_s" -> Float.floatToRawIntBits(BigDecimal.valueOf(ia).floatValue());
          case "convert_i32_u" ->
              Float.floatToRawIntBits(new BigDecimal(unsigned(ia)).floatValue());
          case "convert_i64_s" -> Float.floatToRawIntBits(BigDecimal.valueOf(a).floatValue());
          case "convert_i64_u" -> Float.floatToRawIntBits(new BigDecimal(unsigned(a)).floatValue());
          case "reinterpret_i32" -> ia;
          default -> throw new IllegalArgumentException("no reference for f32." + name);
        };
    return Float.isNaN(Float.intBitsToFloat(bits)) ? "nan" : "0x" + Integer.toHexString(bits);
  }

  private static String f64(String name, long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    if (isComparison(name)) {
      return "0x" + Integer.toHexString(compare(name, x, y) ? 1 : 0);
    }
    long bits =
        switch (name) {
          case "abs" -> a & Long.MAX_VALUE;
          case "neg" -> a ^ Long.MIN_VALUE;
          case "copysign" -> (a & Long.MAX_VALUE) | (b & Long.MIN_VALUE);
          case "ceil" -> Double.doubleToRawLongBits(Math.ceil(x));
          case "floor" -> Double.doubleToRawLongBits(Math.floor(x));
          case "trunc" -> Double.doubleToRawLongBits(truncate(x));
          case "nearest" -> Double.doubleToRawLongBits(nearest(x));
          case "sqrt" -> Double.doubleToRawLongBits(Math.sqrt(x));
          case "add" -> Double.doubleToRawLongBits(x + y);
          case "sub" -> Double.doubleToRawLongBits(x - y);
          case "mul" -> Double.doubleToRawLongBits(x * y);
          case "div" -> Double.doubleToRawLongBits(x / y);
          case "min" -> Double.doubleToRawLongBits(min(x, y));
          case "max" -> Double.doubleToRawLongBits(max(x, y));
          case "promote_f32" -> Double.doubleToRawLongBits(Float.intBitsToFloat((int) a));
          case "convert_i32_s" -> Double.doubleToRawLongBits((int) a);
          case "convert_i32_u" -> Double.doubleToRawLongBits(a & 0xFFFF_FFFFL);
          case "convert_i64_s" -> Double.doubleToRawLongBits(BigDecimal.valueOf(a).doubleValue());
          case "convert_i64_u" ->
              Double.doubleToRawLongBits(new BigDecimal(unsigned(a)).doubleValue());
          case "reinterpret_i64" -> a;
          default -> throw new IllegalArgumentException("no reference for f64." + name);
        };
    return Double.isNaN(Double.longBitsToDouble(bits)) ? "nan" : "0x" + Long.toHexString(bits);
  }

  private static boolean isComparison(String name) {
    return name.matches("eq|ne|lt|gt|le|ge");
  }

  /** IEEE comparisons: NaN is unordered, -0 equals +0. */
  private static boolean compare(String name, double x, double y) {
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return name.equals("ne");
    }
    int c = x == y ? 0 : x < y ? -1 : 1;
    return switch (name) {
      case "eq" -> c == 0;
      case "ne" -> c != 0;
      case "lt" -> c < 0;
      case "gt" -> c > 0;
      case "le" -> c <= 0;
      default -> c >= 0;
    };
  }

  /** min: NaN if either is, -0 below +0. */
  private static double min(double x, double y) {
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.NaN;
    }
    if (x == 0 && y == 0) {
      return Double.doubleToRawLongBits(x) < 0 ? x : y;
    }
    return x < y ? x : y;
  }

  private static double max(double x, double y) {
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.NaN;
    }
    if (x == 0 && y == 0) {
      return Double.doubleToRawLongBits(x) < 0 ? y : x;
    }
    return x > y ? x : y;
  }

  private static double truncate(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
      return x;
    }
    double t = new BigDecimal(x).setScale(0, java.math.RoundingMode.DOWN).doubleValue();
    return t == 0 ? Math.copySign(0.0, x) : t;
  }

  /** Round to nearest, ties to even, keeping the sign of a zero result. */
  private static double nearest(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
      return x;
    }
    double r = new BigDecimal(x).setScale(0, java.math.RoundingMode.HALF_EVEN).doubleValue();
    return r == 0 ? Math.copySign(0.0, x) : r;
  }

  private static long unsigned(int v) {
    return v & 0xFFFF_FFFFL;
  }

  private static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v);
    return v < 0 ? b.add(TWO_64) : b;
  }
}
