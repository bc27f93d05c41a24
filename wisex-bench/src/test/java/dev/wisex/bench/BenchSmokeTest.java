package dev.wisex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
