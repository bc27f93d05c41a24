package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.JvmBackendsOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cache-dir} and {@code --no-cache}: the output is the same whether the compiled code
 * comes from the cache, is compiled and cached, or is compiled without a cache; a warm run reads
 * the entry (its modification time is refreshed, which is what eviction goes by).
 */
/* Chicory's cache is what is checked: the default runs on the JVM backends, as without V8. */
@ExtendWith(JvmBackendsOnly.class)
class CompileCacheCliTest {

  private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L); // 2000-01-01

  @TempDir Path dir;

  @Test
  void theHelpListsTheCacheFlags() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("--cache-dir=DIR"), r::toString);
    assertTrue(r.stdout().contains("--no-cache"), r::toString);
  }

  @Test
  void coldWarmAndUncachedRunsWriteTheSameModule() throws IOException {
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    byte[] output = sameOutputColdWarmAndUncached(in);
    // What counter.wat's init writes, found in the output's data.
    assertTrue(Samples.containsName(output, "wisex"), "init's memory is in the output");
  }

  @Test
  void aShippedSampleGivesTheSameModuleColdWarmAndUncached() throws IOException {
    Path in = Files.copy(Path.of("..", "samples", "primes.wasm"), dir.resolve("primes.wasm"));
    sameOutputColdWarmAndUncached(in);
  }

  @Test
  void cacheDirAndNoCacheTogetherAreAUsageError() throws IOException {
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Cli.Result r = Cli.run(in.toString(), "--cache-dir", dir.toString(), "--no-cache");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("--cache-dir and --no-cache"), r::toString);
  }

  @Test
  void anUnusableCacheDirIsNoReasonToFail() throws IOException {
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    Path uncached = dir.resolve("uncached.wasm");
    Path out = dir.resolve("out.wasm");

    Cli.Result reference = Cli.run(in.toString(), "-o", uncached.toString(), "--no-cache");
    Cli.Result r = Cli.run(in.toString(), "-o", out.toString(), "--cache-dir", file.toString());

    assertEquals(0, reference.exitCode(), reference::toString);
    assertEquals(0, r.exitCode(), r::toString);
    assertArrayEquals(Files.readAllBytes(uncached), Files.readAllBytes(out));
  }

  private byte[] sameOutputColdWarmAndUncached(Path in) throws IOException {
    Path cache = dir.resolve("cache");
    Path cold = dir.resolve("cold.wasm");
    Path warm = dir.resolve("warm.wasm");
    Path uncached = dir.resolve("uncached.wasm");

    run(in.toString(), "-o", cold.toString(), "--cache-dir", cache.toString());
    Path entry = onlyEntry(cache);
    Files.setLastModifiedTime(entry, LONG_AGO);
    run(in.toString(), "-o", warm.toString(), "--cache-dir", cache.toString());
    assertTrue(
        Files.getLastModifiedTime(entry).compareTo(LONG_AGO) > 0, "the warm run read the entry");
    assertEquals(entry, onlyEntry(cache));
    run(in.toString(), "-o", uncached.toString(), "--no-cache");

    byte[] output = Files.readAllBytes(cold);
    assertArrayEquals(output, Files.readAllBytes(warm), "warm");
    assertArrayEquals(output, Files.readAllBytes(uncached), "--no-cache");
    return output;
  }

  private static void run(String... args) {
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.exitCode(), r::toString);
  }

  private static Path onlyEntry(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("chicory"))) {
      List<Path> entries = files.filter(f -> f.toString().endsWith(".classes")).toList();
      assertEquals(1, entries.size(), entries::toString);
      return entries.get(0);
    }
  }
}
