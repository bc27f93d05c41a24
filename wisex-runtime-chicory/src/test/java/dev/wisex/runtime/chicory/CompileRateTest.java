package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.ModuleParser;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.PreparationCost;
import dev.wisex.runtime.spi.ProcessorTime;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.HostileModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chicory learns what its compiler costs on this machine from its own compiles into the cache
 * directory: a compile the cache did not spare adds one sample, bounded by the processor time the
 * whole instantiation took as the system reports it; the estimate is the median of the last
 * samples, and anything else in the file counts as nothing learned.
 */
class CompileRateTest {
  private static final long DEFAULT = PreparationCost.DEFAULT_COMPILE_NANOS_PER_CODE_BYTE;

  /** 34 functions of 8,000 bytes: more code than the smallest compile that teaches. */
  private static final byte[] LARGE = HostileModules.code(34, 8_000);

  @TempDir Path cacheDir;

  private final ChicoryRuntime chicory = new ChicoryRuntime();

  private void instantiate(byte[] module) {
    try (WasmInstance instance =
        chicory.instantiate(
            module.clone(), HostImports.none(), new InstanceConfig(ExecutionMode.AUTO, cacheDir))) {
      instance.call("wizex.initialize");
    }
  }

  private CompileRate rate() {
    return CompileRate.in(cacheDir);
  }

  @Test
  void theCodeSizeIsTheCodeSectionsAsTheParserSeesIt() {
    // Independent of the header walk: the bodies wisex's parser finds, each behind its LEB128
    // size, behind the LEB128 count.
    var bodies = ModuleParser.parse(LARGE).bodies();
    long expected = lebBytes(bodies.size());
    for (FunctionBody body : bodies) {
      expected += lebBytes(body.end() - body.start()) + body.end() - body.start();
    }
    assertEquals(expected, CompileRate.codeBytes(LARGE));
    assertEquals(0, CompileRate.codeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}));
    assertEquals(0, CompileRate.codeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 10, 99}));
  }

  private static int lebBytes(long value) {
    int bytes = 1;
    while (value >= 0x80) {
      value >>>= 7;
      bytes++;
    }
    return bytes;
  }

  @Test
  void aColdCompileTeachesOneSampleAndAWarmOneNothing() {
    Duration before = ProcessorTime.used();
    instantiate(LARGE);
    Duration whole = ProcessorTime.used().minus(before);

    long[] samples = rate().samples();
    assertEquals(1, samples.length);
    long taught = samples[0] * CompileRate.codeBytes(LARGE);
    // The compile is part of the instantiation; the system counts processor time in ticks of
    // 10 ms, so the two readings around the compile may round up by one tick each.
    assertTrue(taught > 0, "a compile costs something");
    assertTrue(
        taught <= whole.toNanos() + 20_000_000,
        taught + " ns taught, the whole instantiation took " + whole.toNanos());

    instantiate(LARGE); // the cache spares this compile
    assertArrayEquals(samples, rate().samples());
    assertEquals(
        PreparationCost.perByte(1_000_000, samples[0], "").processorTime(),
        chicory
            .preparationCost(1_000_000, new InstanceConfig(ExecutionMode.AUTO, cacheDir))
            .processorTime());
  }

  @Test
  void aSmallCompileTeachesNothing() {
    assertTrue(CompileRate.codeBytes(LARGE) >= CompileRate.MIN_SAMPLE_CODE_BYTES);
    instantiate(HostileModules.code(30, 8_000));
    assertTrue(
        CompileRate.codeBytes(HostileModules.code(30, 8_000)) < CompileRate.MIN_SAMPLE_CODE_BYTES);
    assertEquals(0, rate().samples().length);
    assertEquals(Duration.ofNanos(DEFAULT * 500_000), rate().estimate(500_000).processorTime());
  }

  @Test
  void theEstimateIsTheMedianOfTheNewestSamples() {
    // 20 samples of 100..2,000 ns: the newest 9 (1,200..2,000) are kept, their median is 1,600.
    for (long n = 1; n <= 20; n++) {
      rate()
          .record(
              CompileRate.MIN_SAMPLE_CODE_BYTES,
              Duration.ofNanos(n * 100 * CompileRate.MIN_SAMPLE_CODE_BYTES));
    }
    assertArrayEquals(LongStream.rangeClosed(12, 20).map(n -> n * 100).toArray(), rate().samples());
    PreparationCost cost = rate().estimate(1_000);
    assertEquals(Duration.ofNanos(1_600_000), cost.processorTime());
    assertTrue(cost.basis().contains("the median of Chicory's last 9 compiles here"), cost.basis());
  }

  @Test
  void concurrentCompilesLeaveAWholeFile() throws Exception {
    // Eight writers at once, as eight processes compiling into one cache directory: each move is
    // atomic, so the file always holds one writer's whole list; samples may be lost, never mixed.
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 1; w <= writers; w++) {
        long nanosPerByte = w * 100L;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    rate()
                        .record(
                            CompileRate.MIN_SAMPLE_CODE_BYTES,
                            Duration.ofNanos(nanosPerByte * CompileRate.MIN_SAMPLE_CODE_BYTES));
                    assertTrue(rate().samples().length > 0, "a reader sees a whole file");
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long[] samples = rate().samples();
    assertTrue(
        samples.length > 0 && samples.length <= CompileRate.KEPT, samples.length + " samples");
    for (long sample : samples) {
      assertTrue(
          sample % 100 == 0 && sample >= 100 && sample <= writers * 100L, "sample " + sample);
    }
    try (var leftovers = Files.list(cacheDir.resolve("chicory"))) {
      assertEquals(
          List.of(CompileRate.FILE_NAME), leftovers.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void aFileItDidNotWriteTeachesNothing() throws Exception {
    Path file = cacheDir.resolve("chicory").resolve(CompileRate.FILE_NAME);
    Files.createDirectories(file.getParent());
    for (String content :
        new String[] {
          "",
          "700\nabc\n",
          "0\n",
          "-5\n",
          "1234567890123\n",
          "999999999999\n",
          "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"
        }) {
      Files.writeString(file, content);
      assertEquals(0, rate().samples().length, content);
      assertEquals(Duration.ofNanos(DEFAULT * 1_000), rate().estimate(1_000).processorTime());
      // The backend's answer never throws, however large the module.
      assertTrue(
          chicory
              .preparationCost(Long.MAX_VALUE / 2, new InstanceConfig(ExecutionMode.AUTO, cacheDir))
              .processorTime()
              .isPositive(),
          content);
    }
    // A directory where the file should be: nothing learned, and recording does not fail.
    Files.delete(file);
    Files.createDirectory(file);
    rate().record(CompileRate.MIN_SAMPLE_CODE_BYTES, Duration.ofSeconds(1));
    assertEquals(0, rate().samples().length);
  }

  @Test
  void withoutACacheDirectoryTheEstimateIsTheDefault() {
    PreparationCost cost =
        chicory.preparationCost(1_000, new InstanceConfig(ExecutionMode.AUTO, null));
    assertEquals(Duration.ofNanos(DEFAULT * 1_000), cost.processorTime());
    assertTrue(cost.basis().contains("measured on another machine"), cost.basis());
  }
}
