package dev.wisex.rewriter.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a random valid module as WAT: globals of every numeric type, one or two memories
 * (32-bit or 64-bit, with a small maximum or none: on GraalWasm byte arrays and off-heap memories)
 * with random stores, loads into globals, fills, copies within and between them, grows, active and
 * passive segments, {@code memory.init} and {@code data.drop} in init, and check exports that read
 * the state back. Every operand is a constant, so {@link #expected} works out in Java what init
 * leaves. The text is kept so a failure can be reproduced by hand.
 */
final class RandomModule {
  private static final String[] TYPES = {"i32", "i64", "f32", "f64"};

  final String wat;
  final List<String> checks = new ArrayList<>();
  final int memories;
  final int passiveSegments;

  /** What init leaves, computed from the operations as they are generated. */
  final ExpectedState expected = new ExpectedState();

  /** Whether a memory is 64-bit (only GraalWasm runs the module then). */
  final boolean memory64;

  private final SplittableRandom random;
  private final StringBuilder out = new StringBuilder();
  private final List<String> globalTypes = new ArrayList<>();
  private final List<Boolean> globalMutable = new ArrayList<>();
  private final int[] minPages;
  private final int[] maxPages;
  private final boolean[] wide;
  private final List<byte[]> passive = new ArrayList<>();
  private final java.util.BitSet dropped = new java.util.BitSet();

  RandomModule(long seed) {
    random = new SplittableRandom(seed);
    memories = random.nextInt(4) == 0 ? 2 : 1;
    passiveSegments = random.nextInt(4);
    minPages = new int[memories];
    maxPages = new int[memories];
    wide = new boolean[memories];
    boolean anyWide = false;
    out.append("(module\n");
    for (int m = 0; m < memories; m++) {
      minPages[m] = 1 + random.nextInt(2);
      // 64-bit in one memory of 10, half of them without a maximum (only GraalWasm runs those
      // modules, and it is slower to set up); 32-bit without a maximum in one of 10. GraalWasm
      // keeps a memory whose maximum is above 32,767 pages off-heap, any other in a byte array.
      int kind = random.nextInt(20);
      wide[m] = kind <= 1;
      anyWide |= wide[m];
      maxPages[m] =
          kind == 1 || kind == 2 || kind == 3 ? Integer.MAX_VALUE : minPages[m] + random.nextInt(3);
      out.append(
          String.format(
              Locale.ROOT,
              "  (memory $m%d%s %d%s)%n",
              m,
              wide[m] ? " i64" : "",
              minPages[m],
              maxPages[m] == Integer.MAX_VALUE ? "" : " " + maxPages[m]));
      expected.memory(minPages[m]);
    }
    memory64 = anyWide;
    int globals = random.nextInt(6);
    for (int g = 0; g < globals; g++) {
      String type = TYPES[random.nextInt(TYPES.length)];
      boolean mutable = random.nextInt(5) != 0;
      globalTypes.add(type);
      globalMutable.add(mutable);
      long bits = bits(type);
      expected.global(type, bits);
      out.append(
          String.format(
              Locale.ROOT,
              "  (global $g%d %s (%s.const %s))%n",
              g,
              mutable ? "(mut " + type + ")" : type,
              type,
              text(type, bits)));
    }
    int actives = random.nextInt(3);
    for (int d = 0; d < actives; d++) {
      int m = random.nextInt(memories);
      int at = random.nextInt(minPages[m] * 65536 - 64);
      byte[] data = bytes();
      expected.write(m, at, data, 0, data.length);
      out.append(
          String.format(
              Locale.ROOT, "  (data (memory $m%d) %s \"%s\")%n", m, address(m, at), text(data)));
    }
    for (int p = 0; p < passiveSegments; p++) {
      byte[] data = bytes();
      passive.add(data);
      out.append(String.format(Locale.ROOT, "  (data $p%d \"%s\")%n", p, text(data)));
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
              "  (func (export \"size_%d\") (result i32) %s)%n",
              m,
              wide[m] ? "(i32.wrap_i64 (memory.size $m" + m + "))" : "(memory.size $m" + m + ")"));
      out.append(
          String.format(
              Locale.ROOT,
              "  (func (export \"grow_%d\") (result i32) %s)%n",
              m,
              wide[m]
                  ? "(i32.wrap_i64 (memory.grow $m" + m + " (i64.const 1)))"
                  : "(memory.grow $m" + m + " (i32.const 1))"));
      checks.add("size_" + m);
      checks.add("grow_" + m);
    }
    for (int p = 0; p < passiveSegments; p++) {
      out.append(
          String.format(
              Locale.ROOT,
              "  (func (export \"init_%d\") (memory.init $m0 $p%d %s (i32.const 0) (i32.const 1)))%n",
              p,
              p,
              address(0, 16)));
      checks.add("init_" + p);
    }
    out.append(")\n");
    wat = out.toString();
  }

  private String operation() {
    int m = random.nextInt(memories);
    switch (random.nextInt(globalTypes.isEmpty() ? 6 : 9)) {
      case 0, 1 -> {
        String[] stores = {
          "i32.store8", "i32.store16", "i32.store", "i64.store", "f32.store", "f64.store"
        };
        String store = stores[random.nextInt(stores.length)];
        String type = store.substring(0, 3);
        int width =
            store.endsWith("8") ? 1 : store.endsWith("16") ? 2 : type.endsWith("32") ? 4 : 8;
        int at = address(m);
        long bits = bits(type);
        expected.store(m, at, width, bits);
        return String.format(
            Locale.ROOT,
            "(%s $m%d %s (%s.const %s))",
            store,
            m,
            address(m, at),
            type,
            text(type, bits));
      }
      case 2 -> {
        int at = address(m);
        int len = random.nextInt(Math.min(300, minPages[m] * 65536 - at));
        int value = random.nextInt(3) == 0 ? 0 : random.nextInt(256);
        expected.fill(m, at, value, len);
        return String.format(
            Locale.ROOT,
            "(memory.fill $m%d %s (i32.const %d) %s)",
            m,
            address(m, at),
            value,
            address(m, len));
      }
      case 3 -> {
        int pages = random.nextInt(2);
        if (expected.pages(m) + pages <= maxPages[m]) {
          expected.grow(m, pages);
        }
        return String.format(
            Locale.ROOT,
            "(drop (memory.grow $m%d %s))",
            m,
            wide[m] ? "(i64.const " + pages + ")" : "(i32.const " + pages + ")");
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
        byte[] data = passive.get(p);
        int from = random.nextInt(data.length);
        int at = address(m);
        int length = random.nextInt(Math.min(data.length - from, minPages[m] * 65536 - at) + 1);
        expected.write(m, at, data, from, length);
        return String.format(
            Locale.ROOT,
            "(memory.init $m%d $p%d %s (i32.const %d) (i32.const %d))",
            m,
            p,
            address(m, at),
            from,
            length);
      }
      case 5 -> {
        // Within one memory (ranges may overlap) or between the two.
        int from = random.nextInt(memories);
        int d = address(m);
        int s = address(from);
        int room = Math.min(minPages[m] * 65536 - d, minPages[from] * 65536 - s);
        int length = random.nextInt(Math.min(room, random.nextBoolean() ? 300 : 70_000) + 1);
        expected.copy(m, d, from, s, length);
        boolean wideLength = wide[m] && wide[from];
        return String.format(
            Locale.ROOT,
            "(memory.copy $m%d $m%d %s %s (%s.const %d))",
            m,
            from,
            address(m, d),
            address(from, s),
            wideLength ? "i64" : "i32",
            length);
      }
      case 6 -> {
        // A load into a global: what init reads back, NaN payloads and extensions included.
        int g = random.nextInt(globalTypes.size());
        if (!globalMutable.get(g)) {
          return "(nop)";
        }
        String type = globalTypes.get(g);
        String[] loads =
            switch (type) {
              case "i32" -> new String[] {"load", "load8_s", "load8_u", "load16_s", "load16_u"};
              case "i64" ->
                  new String[] {
                    "load", "load8_s", "load8_u", "load16_s", "load16_u", "load32_s", "load32_u"
                  };
              default -> new String[] {"load"};
            };
        String load = loads[random.nextInt(loads.length)];
        int typeBytes = type.endsWith("32") ? 4 : 8;
        int width =
            load.equals("load") ? typeBytes : Integer.parseInt(load.replaceAll("\\D", "")) / 8;
        int at = address(m);
        long bits = expected.load(m, at, width);
        if (load.endsWith("_s")) {
          bits = (bits << (64 - 8 * width)) >> (64 - 8 * width);
        }
        if (typeBytes == 4) {
          bits &= 0xFFFF_FFFFL;
        }
        expected.setGlobal(g, bits);
        return String.format(
            Locale.ROOT, "(global.set $g%d (%s.%s $m%d %s))", g, type, load, m, address(m, at));
      }
      default -> {
        int g = random.nextInt(globalTypes.size());
        if (!globalMutable.get(g)) {
          return "(nop)";
        }
        String type = globalTypes.get(g);
        long bits = bits(type);
        expected.setGlobal(g, bits);
        return String.format(
            Locale.ROOT, "(global.set $g%d (%s.const %s))", g, type, text(type, bits));
      }
    }
  }

  private int address(int m) {
    int size = minPages[m] * 65536;
    return random.nextInt(8) == 0 ? size - 8 : random.nextInt(size - 8);
  }

  /** An address (or length) operand of memory {@code m}: {@code i64} where it is 64-bit. */
  private String address(int m, long value) {
    return String.format(Locale.ROOT, "(%s.const %d)", wide[m] ? "i64" : "i32", value);
  }

  /** Random bits of a value of {@code type}, NaNs with payloads among the floats. */
  private long bits(String type) {
    return switch (type) {
      case "i32" -> random.nextInt() & 0xFFFF_FFFFL;
      case "i64" -> random.nextLong();
      case "f32" ->
          (random.nextInt(4) == 0 ? 0x7FC0_0000 | random.nextInt(0x40_0000) : random.nextInt())
              & 0xFFFF_FFFFL;
      default ->
          random.nextInt(4) == 0
              ? 0xFFF8_0000_0000_0000L | random.nextLong(1L << 50)
              : random.nextLong();
    };
  }

  /** The WAT text of the constant {@code bits} of {@code type}, exact to the bit. */
  private static String text(String type, long bits) {
    return switch (type) {
      case "i32" -> Integer.toString((int) bits);
      case "i64" -> Long.toString(bits);
      case "f32" -> floatBits((int) bits);
      default -> doubleBits(bits);
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

  private byte[] bytes() {
    byte[] data = new byte[1 + random.nextInt(20)];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (random.nextInt(4) == 0 ? 0 : random.nextInt(256));
    }
    return data;
  }

  private static String text(byte[] data) {
    StringBuilder s = new StringBuilder();
    for (byte b : data) {
      s.append(String.format(Locale.ROOT, "\\%02x", b & 0xFF));
    }
    return s.toString();
  }
}
