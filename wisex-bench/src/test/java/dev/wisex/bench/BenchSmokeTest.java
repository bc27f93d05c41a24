package dev.wisex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.testkit.Wat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each benchmark once on a tiny size: proves the code works, measures nothing. */
class BenchSmokeTest {

  private static String bench(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchMain.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void snapshotBenchmarkPlansScatteredRunsUnderTheCap() {
    SnapshotBench.Result r = SnapshotBench.run(4 << 20, 20_000, 0, 1);
    assertEquals(10_000, r.m().last().report().dataSegmentsAfter());
    assertTrue(r.snapshotGbPerS() > 0);
    assertTrue(
        bench("snapshot", "--mib", "1", "--runs", "50", "--warmups", "0", "--iterations", "1")
            .startsWith("snapshot: 1 MiB memory"));
  }

  @Test
  void rewriteBenchmarkKeepsTheCode() {
    RewriteBench.Result r = RewriteBench.run(200_000, 0, 1);
    assertTrue(r.moduleBytes() > 200_000 * 9 / 10, "module of " + r.moduleBytes() + " bytes");
    assertTrue(r.m().last().module().length >= r.moduleBytes() * 9 / 10);
    assertTrue(
        bench("rewrite", "--mb", "1", "--warmups", "0", "--iterations", "1")
            .startsWith("rewrite: "));
  }

  @Test
  void corpusBenchmarkRunsTheDefaultBackend(@TempDir Path dir) throws Exception {
    Path module = Files.write(dir.resolve("mem.wasm"), WasmBytes.memoryModule(2));
    String line =
        bench(
            "corpus",
            "--init-func",
            "init",
            "--warmups",
            "0",
            "--iterations",
            "1",
            module.toString());
    String[] fields = line.strip().split("\t");
    assertEquals("corpus", fields[0]);
    assertEquals("mem", fields[1]);
    assertTrue(fields[5].contains("init="), line);
  }

  @Test
  void startupBenchmarkComparesTheOriginalWithItsSnapshot(@TempDir Path dir) throws Exception {
    byte[] original = Wat.resource(BenchSmokeTest.class, "/wat/lazy-sum.wat");
    byte[] output =
        new Preinitializer(WisexOptions.builder().runtime("chicory").build())
            .preinitialize(original)
            .module();
    // "ab": 97^2 + 98^2, from the table init fills; the original fills it lazily inside run.
    StartupBench.Result r =
        StartupBench.run(original, output, "ab", "chicory", ExecutionMode.INTERPRETER, 0, 3);
    assertEquals(97 * 97 + 98 * 98, r.runResult());
    assertTrue(r.originalMs() > 0 && r.outputMs() > 0, r.toString());

    Path in = Files.write(dir.resolve("lazy.wasm"), original);
    Path out = Files.write(dir.resolve("lazy.init.wasm"), output);
    String[] fields =
        bench(
                "startup",
                "--input",
                "ab",
                "--warmups",
                "0",
                "--iterations",
                "1",
                in.toString(),
                out.toString())
            .strip()
            .split("\t");
    assertEquals(List.of("startup", "chicory", "auto"), List.of(fields).subList(0, 3));
  }

  @Test
  void startupBenchmarkRefusesOutputsThatComputeSomethingElse() throws Exception {
    byte[] original = Wat.resource(BenchSmokeTest.class, "/wat/lazy-sum.wat");
    String source;
    try (var in = BenchSmokeTest.class.getResourceAsStream("/wat/lazy-sum.wat")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Claims to be initialized but has an empty table: run sums zeros.
    byte[] wrong =
        Wat.assemble(
            source.replace(
                "(global $ready (mut i32) (i32.const 0))",
                "(global $ready (mut i32) (i32.const 1))"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                StartupBench.run(
                    original, wrong, "ab", "chicory", ExecutionMode.INTERPRETER, 0, 1));
    assertTrue(e.getMessage().contains("returned 19013 on the original but 0"), e.getMessage());
  }

  @Test
  void jmhBenchmarkPreinitializesTheModuleFile(@TempDir Path dir) throws Exception {
    LibraryModeBenchmark benchmark = new LibraryModeBenchmark();
    benchmark.module =
        Files.write(
                dir.resolve("lazy.wasm"), Wat.resource(BenchSmokeTest.class, "/wat/lazy-sum.wat"))
            .toString();
    benchmark.initFunc = "wizex.initialize";
    benchmark.setUp();
    assertTrue(benchmark.preinitialize().report().globalsChanged() >= 1);
  }
}
