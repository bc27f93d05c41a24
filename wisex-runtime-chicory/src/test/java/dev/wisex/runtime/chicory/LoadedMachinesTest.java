package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.runtime.InterpreterMachine;
import dev.wisex.api.ExecutionMode;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module instantiated again in one JVM runs the classes loaded the first time, without reading or
 * writing the cache directory or validating the bytes again, and each instance still starts from
 * the module's own state: results against the workload computed in Java.
 */
class LoadedMachinesTest {
  private static final byte[] WORKLOAD =
      Wat.resource(LoadedMachinesTest.class, "/wat/workload.wat");
  private static final int STEPS = 20_000;
  private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L); // 2000-01-01

  @TempDir Path cacheDir;
  @TempDir Path otherCacheDir;

  @BeforeEach
  void newJvm() {
    LoadedMachines.SHARED.clear();
  }

  @Test
  void aSecondInstanceOfTheSameModuleRunsTheLoadedClasses() throws IOException {
    long[] expected = churnInJava(STEPS);
    long writes = CompileCacheStore.WRITES.get();
    assertArrayEquals(expected, churn(cacheDir));
    assertEquals(writes + 1, CompileCacheStore.WRITES.get(), "the first run compiles and writes");

    Path entry = onlyEntry();
    Files.setLastModifiedTime(entry, LONG_AGO);
    long hits = CompileCacheStore.HITS.get();
    long unvalidated = ModuleLoader.UNVALIDATED.get();
    for (int run = 0; run < 3; run++) {
      // The workload reads words before it writes them: a memory shared with the instance before
      // would change the result.
      assertArrayEquals(expected, churn(cacheDir), "run " + run);
    }
    assertEquals(hits, CompileCacheStore.HITS.get(), "the cache directory is not read again");
    assertEquals(writes + 1, CompileCacheStore.WRITES.get(), "nor written");
    assertEquals(unvalidated + 3, ModuleLoader.UNVALIDATED.get(), "nor the bytes validated again");
    assertTrue(
        Files.getLastModifiedTime(entry).compareTo(LONG_AGO) > 0,
        "a use from memory makes the entry the most recently used, which eviction keeps");
  }

  private Path onlyEntry() throws IOException {
    try (Stream<Path> files = Files.list(cacheDir.resolve(ChicoryCompileCache.SUBDIRECTORY))) {
      List<Path> entries =
          files.filter(f -> f.toString().endsWith(CompileCacheKey.SUFFIX)).toList();
      assertEquals(1, entries.size(), entries::toString);
      return entries.get(0);
    }
  }

  @Test
  void instancesOfTheKeptModuleRunAtTheSameTime() throws Exception {
    long[] expected = churnInJava(STEPS);
    assertArrayEquals(expected, churn(cacheDir));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<long[]>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> churn(cacheDir)));
      }
      for (Future<long[]> run : runs) {
        assertArrayEquals(expected, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherCacheDirectoryKeepsItsOwnEntries() {
    long[] expected = churnInJava(STEPS);
    assertArrayEquals(expected, churn(cacheDir));
    long writes = CompileCacheStore.WRITES.get();
    assertArrayEquals(expected, churn(otherCacheDir));
    assertEquals(writes + 1, CompileCacheStore.WRITES.get(), "the other directory gets its entry");
  }

  @Test
  void withoutACacheDirectoryNothingIsKept() {
    long writes = CompileCacheStore.WRITES.get();
    long unvalidated = ModuleLoader.UNVALIDATED.get();
    assertArrayEquals(churnInJava(STEPS), churn(null));
    assertArrayEquals(churnInJava(STEPS), churn(null));
    assertEquals(writes, CompileCacheStore.WRITES.get());
    assertEquals(unvalidated, ModuleLoader.UNVALIDATED.get(), "both runs validate");
  }

  @Test
  void theLeastRecentlyUsedEntriesGoFirstOnceTheCodeExceedsTheCap() {
    LoadedMachines loaded = new LoadedMachines(10);
    LoadedMachines.Compiled a = compiled();
    LoadedMachines.Compiled b = compiled();
    LoadedMachines.Compiled c = compiled();
    loaded.keep(key("a"), a, 4);
    loaded.keep(key("b"), b, 4);
    assertSame(a, loaded.get(key("a"))); // a is now the most recently used
    loaded.keep(key("c"), c, 4); // 12 > 10: b goes
    assertNull(loaded.get(key("b")));
    assertSame(a, loaded.get(key("a")));
    assertSame(c, loaded.get(key("c")));
    loaded.keep(key("c"), c, 6); // replaced: 4 + 6 fit
    assertNotNull(loaded.get(key("a")));
    loaded.keep(key("big"), compiled(), 11);
    assertNull(loaded.get(key("big")), "a module larger than the cap is not kept");
    assertNotNull(loaded.get(key("a")), "and drops nothing");
    loaded.keep(key("d"), compiled(), 7); // 4 + 6 + 7: a and c go, oldest first
    assertNull(loaded.get(key("a")));
    assertNull(loaded.get(key("c")));
    assertNotNull(loaded.get(key("d")));
  }

  private static LoadedMachines.Key key(String digest) {
    return new LoadedMachines.Key(digest, InterpreterFallback.SILENT, Path.of("cache"));
  }

  private static LoadedMachines.Compiled compiled() {
    return new LoadedMachines.Compiled(null, InterpreterMachine::new);
  }

  private static long[] churn(Path cacheDir) {
    WasmInstance instance =
        new ChicoryRuntime()
            .instantiate(
                WORKLOAD.clone(),
                HostImports.none(),
                new InstanceConfig(ExecutionMode.AUTO, cacheDir));
    long[] result = instance.call("churn", STEPS);
    byte[] memory = new byte[4096];
    instance.memory("memory").read(0, memory, 0, memory.length);
    return new long[] {result[0], Arrays.hashCode(memory)};
  }

  /** workload.wat's `churn`, and the hash of its memory's first 4 KiB, computed in Java. */
  private static long[] churnInJava(int n) {
    int[] words = new int[1024];
    long acc = 0;
    double f = 1.5;
    for (int i = 0; i < n; i++) {
      words[i & 1023] = i ^ 0x5bd1e995;
      acc = acc * 6364136223846793005L + Integer.toUnsignedLong(words[(i * 7) & 1023]);
      f = f * 1.0000001 + i;
    }
    ByteBuffer memory = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    memory.asIntBuffer().put(words);
    return new long[] {acc ^ Double.doubleToRawLongBits(f), Arrays.hashCode(memory.array())};
  }
}
