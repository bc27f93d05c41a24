package dev.wisex.bench;

import dev.wisex.api.ExecutionMode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark command, run by {@code scripts/bench.sh}:
 *
 * <pre>
 * BenchMain snapshot [--mib 1024] [--runs 100000]   snapshot stage over a synthetic memory
 * BenchMain rewrite [--mb 50]                        parse..rewrite of a large code section
 * BenchMain corpus [--init-func F] [--allow-wasi] FILE...   library mode, warm JVM, default backend
 * BenchMain startup --input TEXT [--runtime NAME] [--mode auto|interpreter|compiler] ORIGINAL OUTPUT
 *                                                    start-up speedup of OUTPUT in a JVM engine
 *   common: [--warmups N] [--iterations N]           medians of N measured runs after N warm-ups
 * </pre>
 *
 * Corpus lines ({@code corpus NAME MEDIAN_MS OUTPUT_BYTES SEGMENTS STAGES PEAK_HEAP_MIB}) and
 * start-up lines ({@code startup RUNTIME MODE ORIGINAL_MS OUTPUT_MS SPEEDUP}) are tab-separated for
 * the script; the others are for people.
 */
public final class BenchMain {
  private static final double MIB = 1 << 20;

  private BenchMain() {}

  public static void main(String[] args) {
    try {
      run(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("wisex-bench: " + e.getMessage());
      System.exit(2);
    }
  }

  static void run(String[] arguments, PrintStream out) {
    Deque<String> args = new ArrayDeque<>(List.of(arguments));
    if (args.isEmpty()) {
      throw new IllegalArgumentException("expected `snapshot`, `rewrite`, `corpus` or `startup`");
    }
    String mode = args.removeFirst();
    long mib = 1024;
    long mb = 50;
    int runs = 100_000;
    int warmups = 2;
    int iterations = 5;
    String initFunc = "wizex.initialize";
    boolean allowWasi = false;
    String input = null;
    String runtime = "chicory";
    ExecutionMode executionMode = ExecutionMode.AUTO;
    List<Path> files = new ArrayList<>();
    while (!args.isEmpty()) {
      String a = args.removeFirst();
      switch (a) {
        case "--mib" -> mib = Long.parseLong(value(args, a));
        case "--mb" -> mb = Long.parseLong(value(args, a));
        case "--runs" -> runs = Integer.parseInt(value(args, a));
        case "--warmups" -> warmups = Integer.parseInt(value(args, a));
        case "--iterations" -> iterations = Integer.parseInt(value(args, a));
        case "--init-func" -> initFunc = value(args, a);
        case "--allow-wasi" -> allowWasi = true;
        case "--input" -> input = value(args, a);
        case "--runtime" -> runtime = value(args, a);
        case "--mode" ->
            executionMode = ExecutionMode.valueOf(value(args, a).toUpperCase(Locale.ROOT));
        default -> {
          if (a.startsWith("--")) {
            throw new IllegalArgumentException("unknown option `" + a + "`");
          }
          files.add(Path.of(a));
        }
      }
    }
    switch (mode) {
      case "snapshot" -> {
        SnapshotBench.Result r = SnapshotBench.run(mib << 20, runs, warmups, iterations);
        out.printf(
            Locale.ROOT,
            "snapshot: %d MiB memory, %,d scattered non-zero runs -> %d segments, %,d bytes out;"
                + " snapshot stage %.1f ms = %.2f GB/s; whole run %.1f ms (%s); peak heap %.0f MiB%n",
            mib,
            runs,
            r.m().last().report().dataSegmentsAfter(),
            r.m().last().report().outputBytes(),
            r.m().stageMs().get("snapshot"),
            r.snapshotGbPerS(),
            r.m().totalMs(),
            stages(r.m().stageMs()),
            r.m().peakHeapBytes() / MIB);
      }
      case "rewrite" -> {
        RewriteBench.Result r = RewriteBench.run(mb * 1_000_000, warmups, iterations);
        out.printf(
            Locale.ROOT,
            "rewrite: %,d-byte module (code section ~%d MB); parse+validate+instrument+rewrite"
                + " %.1f ms = %.0f MB/s; whole run %.1f ms (%s); peak heap %.0f MiB%n",
            r.moduleBytes(),
            mb,
            r.m().stagesMs(RewriteBench.CODE_STAGES),
            r.mbPerS(),
            r.m().totalMs(),
            stages(r.m().stageMs()),
            r.m().peakHeapBytes() / MIB);
      }
      case "corpus" -> {
        if (files.isEmpty()) {
          throw new IllegalArgumentException("`corpus` needs at least one module file");
        }
        for (Path file : files) {
          Measurement m = CorpusBench.run(read(file), initFunc, allowWasi, warmups, iterations);
          String name = file.getFileName().toString().replaceFirst("\\.wasm$", "");
          out.printf(
              Locale.ROOT,
              "corpus\t%s\t%.1f\t%d\t%d\t%s\t%.0f%n",
              name,
              m.totalMs(),
              m.last().report().outputBytes(),
              m.last().report().dataSegmentsAfter(),
              stages(m.stageMs()),
              m.peakHeapBytes() / MIB);
        }
      }
      case "startup" -> {
        if (files.size() != 2 || input == null) {
          throw new IllegalArgumentException(
              "`startup` needs --input TEXT, the original module and the pre-initialized one");
        }
        StartupBench.Result r =
            StartupBench.run(
                read(files.get(0)),
                read(files.get(1)),
                input,
                runtime,
                executionMode,
                warmups,
                iterations);
        out.printf(
            Locale.ROOT,
            "startup\t%s\t%s\t%.2f\t%.2f\t%.3f%n",
            runtime,
            executionMode.name().toLowerCase(Locale.ROOT),
            r.originalMs(),
            r.outputMs(),
            r.speedup());
      }
      default -> throw new IllegalArgumentException("unknown mode `" + mode + "`");
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String value(Deque<String> args, String option) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("`" + option + "` needs a value");
    }
    return args.removeFirst();
  }

  private static String stages(Map<String, Double> stageMs) {
    StringBuilder s = new StringBuilder();
    stageMs.forEach(
        (k, v) ->
            s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%s=%.1f", k, v)));
    return s.toString();
  }
}
