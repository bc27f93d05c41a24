package dev.wisex.rewriter.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a random valid module as WAT: globals of every numeric type, one or two memories with
 * random stores, fills, grows, active and passive segments, {@code memory.init} and {@code
 * data.drop} in init, and check exports that read the state back. The text is kept so a failure can
 * be reproduced by hand.
 */
final class RandomModule {
  private static final String[] TYPES = {"i32", "i64", "f32", "f64"};

  final String wat;
  final List<String> checks = new ArrayList<>();
  final int memories;
  final int passiveSegments;

  private final SplittableRandom random;
  private final StringBuilder out = new StringBuilder();
  private final List<String> globalTypes = new ArrayList<>();
  private final List<Boolean> globalMutable = new ArrayList<>();
  private final int[] minPages;
  private final int[] maxPages;
  private final java.util.BitSet dropped = new java.util.BitSet();

  RandomModule(long seed) {
    random = new SplittableRandom(seed);
    memories = random.nextInt(4) == 0 ? 2 : 1;
    passiveSegments = random.nextInt(4);
    minPages = new int[memories];
    maxPages = new int[memories];
    out.append("(module\n");
    for (int m = 0; m < memories; m++) {
      minPages[m] = 1 + random.nextInt(2);
      maxPages[m] = minPages[m] + random.nextInt(3);
      out.append(
          String.format(Locale.ROOT, "  (memory $m%d %d %d)%n", m, minPages[m], maxPages[m]));
    }
    int globals = random.nextInt(6);
    for (int g = 0; g < globals; g++) {
      String type = TYPES[random.nextInt(TYPES.length)];
      boolean mutable = random.nextInt(5) != 0;
      globalTypes.add(type);
      globalMutable.add(mutable);
      out.append(
          String.format(
              Locale.ROOT,
              "  (global $g%d %s (%s.const %s))%n",
              g,
              mutable ? "(mut " + type + ")" : type,
              type,
              constant(type)));
    }
    int actives = random.nextInt(3);
    for (int d = 0; d < actives; d++) {
      int m = random.nextInt(memories);
      out.append(
          String.format(
              Locale.ROOT,
              "  (data (memory $m%d) (i32.const %d) \"%s\")%n",
              m,
              random.nextInt(minPages[m] * 65536 - 64),
              bytes()));
    }
    for (int p = 0; p < passiveSegments; p++) {
      out.append(String.format(Locale.ROOT, "  (data $p%d \"%s\")%n", p, bytes()));
    }
    out.append("  (func (export \"wizex.initialize\")\n");
    int ops = random.nextInt(12);
    for (int i = 0; i < ops; i++) {
      out.append("    ").append(operation()).append('\n');
    }
    out.append("  )\n");
    for (int g = 0; g < globals; g++) {
      String type = globalTypes.get(g);
      String name = "global_" + g;
      String read =
          type.startsWith("f")
              ? "("
                  + (type.equals("f32") ? "i32" : "i64")
                  + ".reinterpret_"
                  + type
                  + " (global.get $g"
                  + g
                  + "))"
              : "(global.get $g" + g + ")";
      String result = type.equals("f32") ? "i32" : type.equals("f64") ? "i64" : type;
      out.append(
          String.format(
              Locale.ROOT, "  (func (export \"%s\") (result %s) %s)%n", name, result, read));
      checks.add(name);
    }
    for (int m = 0; m < memories; m++) {
      out.append(
          String.format(
              Locale.ROOT,
              "  (func (export \"size_%d\") (result i32) (memory.size $m%d))%n",
              m,
              m));
      out.append(
          String.format(
              Locale.ROOT,
              "  (func (export \"grow_%d\") (result i32) (memory.grow $m%d (i32.const 1)))%n",
              m,
              m));
      checks.add("size_" + m);
      checks.add("grow_" + m);
    }
    for (int p = 0; p < passiveSegments; p++) {
      out.append(
          String.format(
              Locale.ROOT,
              "  (func (export \"init_%d\") (memory.init $m0 $p%d (i32.const 16) (i32.const 0) (i32.const 1)))%n",
              p,
              p));
      checks.add("init_" + p);
    }
    out.append(")\n");
    wat = out.toString();
  }

  private String operation() {
    int m = random.nextInt(memories);
    switch (random.nextInt(globalTypes.isEmpty() ? 5 : 7)) {
      case 0, 1 -> {
        String[] stores = {
          "i32.store8", "i32.store16", "i32.store", "i64.store", "f32.store", "f64.store"
        };
        String store = stores[random.nextInt(stores.length)];
        String type = store.substring(0, 3);
        return String.format(
            Locale.ROOT,
            "(%s $m%d (i32.const %d) (%s.const %s))",
            store,
            m,
            address(m),
            type,
            constant(type));
      }
      case 2 -> {
        int at = address(m);
        int len = random.nextInt(Math.min(300, minPages[m] * 65536 - at));
        return String.format(
            Locale.ROOT,
            "(memory.fill $m%d (i32.const %d) (i32.const %d) (i32.const %d))",
            m,
            at,
            random.nextInt(3) == 0 ? 0 : random.nextInt(256),
            len);
      }
      case 3 -> {
        return String.format(
            Locale.ROOT, "(drop (memory.grow $m%d (i32.const %d)))", m, random.nextInt(2));
      }
      case 4 -> {
        if (passiveSegments == 0) {
          return "(nop)";
        }
        int p = random.nextInt(passiveSegments);
        if (dropped.get(p) || !random.nextBoolean()) {
          dropped.set(p); // a later memory.init of a dropped segment would make init trap
          return String.format(Locale.ROOT, "(data.drop $p%d)", p);
        }
        return true
            ? String.format(
                Locale.ROOT,
                "(memory.init $m%d $p%d (i32.const %d) (i32.const 0) (i32.const 1))",
                m,
                p,
                address(m))
            : "(nop)";
      }
      default -> {
        int g = random.nextInt(globalTypes.size());
        if (!globalMutable.get(g)) {
          return "(nop)";
        }
        String type = globalTypes.get(g);
        return String.format(
            Locale.ROOT, "(global.set $g%d (%s.const %s))", g, type, constant(type));
      }
    }
  }

  private int address(int m) {
    int size = minPages[m] * 65536;
    return random.nextInt(8) == 0 ? size - 8 : random.nextInt(size - 8);
  }

  private String constant(String type) {
    return switch (type) {
      case "i32" -> Integer.toString(random.nextInt());
      case "i64" -> Long.toString(random.nextLong());
      case "f32" ->
          floatBits(
              random.nextInt(4) == 0 ? 0x7FC0_0000 | random.nextInt(0x40_0000) : random.nextInt());
      default ->
          doubleBits(
              random.nextInt(4) == 0
                  ? 0xFFF8_0000_0000_0000L | random.nextLong(1L << 50)
                  : random.nextLong());
    };
  }

  private static String floatBits(int bits) {
    float f = Float.intBitsToFloat(bits);
    if (Float.isNaN(f)) {
      return (bits < 0 ? "-" : "") + "nan:0x" + Integer.toHexString(bits & 0x7F_FFFF);
    }
    return Float.isInfinite(f) ? (f > 0 ? "inf" : "-inf") : Float.toHexString(f);
  }

  private static String doubleBits(long bits) {
    double d = Double.longBitsToDouble(bits);
    if (Double.isNaN(d)) {
      return (bits < 0 ? "-" : "") + "nan:0x" + Long.toHexString(bits & 0xF_FFFF_FFFF_FFFFL);
    }
    return Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toHexString(d);
  }

  private String bytes() {
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(20);
    for (int i = 0; i < n; i++) {
      s.append(
          String.format(Locale.ROOT, "\\%02x", random.nextInt(4) == 0 ? 0 : random.nextInt(256)));
    }
    return s.toString();
  }
}
