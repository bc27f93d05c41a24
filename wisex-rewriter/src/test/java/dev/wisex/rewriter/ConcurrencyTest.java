package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.wisex.api.WisexOptions;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.testkit.Wat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Library mode from many threads: one shared {@link Preinitializer} per option set, many runs in
 * parallel, in a shuffled order, must give exactly the bytes of one-at-a-time runs. Catches shared
 * mutable state anywhere in the pipeline or a backend (caches, engines, host sandboxes).
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 4;

  private record Job(String name, byte[] module, Preinitializer preinitializer) {}

  private static byte[] wat(String path) {
    return Wat.resource(ConcurrencyTest.class, "/wat/" + path + ".wat");
  }

  private static List<Job> jobs() {
    RuntimeRegistry registry = RuntimeRegistry.discover();
    List<Job> jobs = new ArrayList<>();
    Preinitializer plain = new Preinitializer(WisexOptions.defaults(), registry);
    Preinitializer metered =
        new Preinitializer(
            WisexOptions.builder().fuel(1_000_000).maxMemoryBytes(64 << 20).build(), registry);
    Preinitializer wasi =
        new Preinitializer(
            WisexOptions.builder().allowWasi(true).inheritStdio(false).seed(7).build(), registry);
    for (String name :
        List.of(
            "globals",
            "passive",
            "many_segments",
            "sparse_memory",
            "two_memories",
            "grow",
            "memory64",
            "simd_code")) {
      jobs.add(new Job(name, wat(name), plain));
      jobs.add(new Job(name + " metered", wat(name), metered));
    }
    for (String name : List.of("clock_random", "args_env", "files", "wasix")) {
      jobs.add(new Job("wasi/" + name, wat("wasi/" + name), wasi));
    }
    return jobs;
  }

  @Test
  void parallelRunsGiveTheBytesOfSequentialRuns() throws Exception {
    List<Job> jobs = jobs();
    List<byte[]> expected = new ArrayList<>();
    for (Job job : jobs) {
      expected.add(job.preinitializer().preinitialize(job.module()).module());
    }

    List<Integer> order = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < jobs.size(); i++) {
        order.add(i);
      }
    }
    Collections.shuffle(order, new Random(20261124));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i : order) {
        Job job = jobs.get(i);
        results.add(pool.submit(() -> job.preinitializer().preinitialize(job.module()).module()));
      }
      for (int k = 0; k < order.size(); k++) {
        int i = order.get(k);
        byte[] actual = results.get(k).get();
        assertArrayEquals(
            expected.get(i),
            actual,
            () ->
                jobs.get(i).name()
                    + " differs when run in parallel: "
                    + HexFormat.of().formatHex(actual, 0, Math.min(64, actual.length)));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
