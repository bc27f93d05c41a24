package dev.wisex.bench;

import dev.wisex.api.WisexResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Medians of a warmed-up timing loop over whole pipeline runs: the total and each stage from the
 * report's timings, plus the peak heap of the measured runs. A plain loop, not JMH (JMH is not
 * available to this build); warm-up runs are discarded, and each measured run is one full
 * pre-initialization, long enough that timer resolution does not matter.
 *
 * @param totalMs median wall time of one run
 * @param stageMs median of each stage, in pipeline order
 * @param peakHeapBytes the highest heap use seen during the measured runs (sum of the pools' peaks)
 * @param last the last run's result, for sizes and segment counts
 */
record Measurement(
    double totalMs, Map<String, Double> stageMs, long peakHeapBytes, WisexResult last) {

  static Measurement of(int warmups, int iterations, Supplier<WisexResult> run) {
    for (int i = 0; i < warmups; i++) {
      run.get();
    }
    List<Double> totals = new ArrayList<>();
    Map<String, List<Double>> stages = new LinkedHashMap<>();
    WisexResult last = null;
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    for (int i = 0; i < iterations; i++) {
      last = null; // the previous run's output is not part of this run's peak heap
      long start = System.nanoTime();
      last = run.get();
      totals.add((System.nanoTime() - start) / 1e6);
      for (Map.Entry<String, Duration> e : last.report().timings().entrySet()) {
        stages
            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
            .add(e.getValue().toNanos() / 1e6);
      }
    }
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    Map<String, Double> stageMedians = new LinkedHashMap<>();
    stages.forEach((k, v) -> stageMedians.put(k, median(v)));
    return new Measurement(median(totals), stageMedians, peak, last);
  }

  /** Sum of the medians of the named stages. */
  double stagesMs(String... names) {
    return Arrays.stream(names).mapToDouble(n -> stageMs.getOrDefault(n, 0.0)).sum();
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
