package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile cache end to end through the backend: results with a cold, a warm and no cache agree
 * with the interpreter (Chicory's reference semantics) and with values computed in Java, a warm run
 * reads the entry, and a damaged entry or an unusable directory costs a recompile, never a wrong or
 * failed run. Each run here models a new JVM's: the compiled modules a JVM keeps loaded ({@link
 * LoadedMachines}, {@link LoadedMachinesTest}) are forgotten before it.
 */
class CompileCacheTest {
  private static final byte[] WORKLOAD = Wat.resource(CompileCacheTest.class, "/wat/workload.wat");

  private static final int CHURN_STEPS = 20_000;
  private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L); // 2000-01-01

  @TempDir Path cacheDir;

  @Test
  void aWarmRunReadsTheEntryAndComputesWhatColdAndUncachedRunsDo() throws IOException {
    long[] reference = churn(null, ExecutionMode.INTERPRETER);

    long writes = CompileCacheStore.WRITES.get();
    long[] cold = churn(cacheDir, ExecutionMode.AUTO);
    assertEquals(writes + 1, CompileCacheStore.WRITES.get(), "the cold run writes one entry");
    Path entry = onlyEntry();
    Files.setLastModifiedTime(entry, LONG_AGO);

    long hits = CompileCacheStore.HITS.get();
    long unvalidated = ModuleLoader.UNVALIDATED.get();
    long[] warm = churn(cacheDir, ExecutionMode.AUTO);
    assertEquals(hits + 1, CompileCacheStore.HITS.get(), "the warm run reads the entry");
    assertEquals(
        unvalidated + 1,
        ModuleLoader.UNVALIDATED.get(),
        "the warm run does not validate the bytes whose entry it reads again");
    assertTrue(
        Files.getLastModifiedTime(entry).compareTo(LONG_AGO) > 0,
        "a hit makes the entry the most recently used");

    assertArrayEquals(reference, cold);
    assertArrayEquals(reference, warm);
    assertArrayEquals(reference, churn(null, ExecutionMode.AUTO));
  }

  /** No entry is ever written for an invalid module, so every run validates it and refuses it. */
  @Test
  void anInvalidModuleIsRefusedOnEveryRun() {
    // Valid to decode, invalid to type-check: i32.add of an i64.
    byte[] invalid =
        new byte[] {
          0,
          'a',
          's',
          'm',
          1,
          0,
          0,
          0, // header
          1,
          5,
          1,
          0x60,
          0,
          1,
          0x7F, // type: () -> i32
          3,
          2,
          1,
          0, // function 0 of type 0
          10,
          9,
          1,
          7,
          0,
          0x42,
          1,
          0x41,
          2,
          0x6A,
          0x0B // code: i64.const 1 i32.const 2 i32.add
        };
    InstanceConfig config = new InstanceConfig(ExecutionMode.AUTO, cacheDir);
    for (int run = 0; run < 2; run++) {
      InitFailedException e =
          assertThrows(
              InitFailedException.class,
              () -> new ChicoryRuntime().instantiate(invalid, HostImports.none(), config));
      assertTrue(e.getMessage().startsWith("the module is invalid"), e.getMessage());
    }
  }

  @Test
  void theCompilerModesDoNotShareEntries() throws IOException {
    churn(cacheDir, ExecutionMode.AUTO);
    churn(cacheDir, ExecutionMode.COMPILER);
    churn(cacheDir, ExecutionMode.INTERPRETER);
    assertEquals(2, entries().size(), "AUTO and COMPILER each; the interpreter compiles nothing");
  }

  @Test
  void aFunctionInterpretedBecauseItIsTooLargeStillRunsFromAWarmEntry() {
    StringBuilder wat = new StringBuilder("(module (global $g (mut i32) (i32.const 0))");
    wat.append(" (func (export \"big\") (result i32)");
    long expected = 0;
    for (int i = 0; i < 5_000; i++) {
      wat.append(" (global.set $g (i32.add (global.get $g) (i32.const ")
          .append(i % 7)
          .append(")))");
      expected += i % 7;
    }
    wat.append(" (global.get $g)))");
    byte[] module = Wat.assemble(wat.toString());
    InstanceConfig config = new InstanceConfig(ExecutionMode.AUTO, cacheDir);

    long hits = CompileCacheStore.HITS.get();
    for (int run = 0; run < 2; run++) {
      LoadedMachines.SHARED.clear();
      WasmInstance instance = new ChicoryRuntime().instantiate(module, HostImports.none(), config);
      assertArrayEquals(new long[] {expected}, instance.call("big"), "run " + run);
    }
    assertEquals(hits + 1, CompileCacheStore.HITS.get());
  }

  @Test
  void aCorruptEntryIsIgnoredAndRewritten() throws IOException {
    long[] reference = churn(null, ExecutionMode.INTERPRETER);
    churn(cacheDir, ExecutionMode.AUTO);
    Path entry = onlyEntry();
    byte[] corrupt = Files.readAllBytes(entry);
    corrupt[corrupt.length / 2] ^= 0x40;
    Files.write(entry, corrupt);

    long rejected = CompileCacheStore.REJECTED.get();
    assertArrayEquals(reference, churn(cacheDir, ExecutionMode.AUTO));
    assertEquals(rejected + 1, CompileCacheStore.REJECTED.get());
    assertRewritten(entry);
  }

  @Test
  void aTruncatedEntryIsIgnoredAndRewritten() throws IOException {
    long[] reference = churn(null, ExecutionMode.INTERPRETER);
    churn(cacheDir, ExecutionMode.AUTO);
    Path entry = onlyEntry();
    byte[] good = Files.readAllBytes(entry);
    Files.write(entry, java.util.Arrays.copyOf(good, good.length - 100));

    long rejected = CompileCacheStore.REJECTED.get();
    assertArrayEquals(reference, churn(cacheDir, ExecutionMode.AUTO));
    assertEquals(rejected + 1, CompileCacheStore.REJECTED.get());
    assertRewritten(entry);
  }

  /** Checksums guard against damage; an entry that passes them but is not Chicory's is dropped. */
  @Test
  void anIntactEntryThatChicoryCannotLoadIsDeletedAndTheModuleCompiled() throws IOException {
    long[] reference = churn(null, ExecutionMode.INTERPRETER);
    churn(cacheDir, ExecutionMode.AUTO);
    Path entry = onlyEntry();
    Files.write(entry, CacheEntryFormat.encode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));

    long hits = CompileCacheStore.HITS.get();
    assertArrayEquals(reference, churn(cacheDir, ExecutionMode.AUTO));
    assertEquals(hits + 1, CompileCacheStore.HITS.get(), "the entry was served, then refused");
    assertRewritten(entry);
  }

  @Test
  void anUnwritableCacheDirectoryDoesNotFailTheRun() throws IOException {
    Path notADirectory = Files.writeString(cacheDir.resolve("file"), "x");
    long[] reference = churn(null, ExecutionMode.INTERPRETER);
    assertArrayEquals(reference, churn(notADirectory.resolve("cache"), ExecutionMode.AUTO));
    assertArrayEquals(reference, churn(notADirectory, ExecutionMode.COMPILER));
  }

  @Test
  void concurrentRunsOnTheSameModuleAllSucceed() throws Exception {
    long[] reference = churn(null, ExecutionMode.INTERPRETER);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<long[]>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<long[]> run = () -> churn(cacheDir, ExecutionMode.AUTO);
        runs.add(pool.submit(run));
      }
      for (Future<long[]> run : runs) {
        assertArrayEquals(reference, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Path entry = onlyEntry();
    assertNotNull(CacheEntryFormat.decode(Files.readAllBytes(entry)));
  }

  private static long[] churn(Path cacheDir, ExecutionMode mode) {
    LoadedMachines.SHARED.clear();
    WasmInstance instance =
        new ChicoryRuntime()
            .instantiate(WORKLOAD.clone(), HostImports.none(), new InstanceConfig(mode, cacheDir));
    long[] result = instance.call("churn", CHURN_STEPS);
    byte[] memory = new byte[4096];
    instance.memory("memory").read(0, memory, 0, memory.length);
    return new long[] {result[0], java.util.Arrays.hashCode(memory)};
  }

  // Chicory's entries hold jar timestamps, so a rewritten entry need not equal the first one byte
  // for byte: it must be whole, and the next run must use it.
  private void assertRewritten(Path entry) throws IOException {
    assertNotNull(CacheEntryFormat.decode(Files.readAllBytes(entry)), "the entry is written again");
    long hits = CompileCacheStore.HITS.get();
    churn(cacheDir, ExecutionMode.AUTO);
    assertEquals(hits + 1, CompileCacheStore.HITS.get(), "and used by the next run");
  }

  private Path onlyEntry() throws IOException {
    List<Path> entries = entries();
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }

  private List<Path> entries() throws IOException {
    Path dir = cacheDir.resolve(ChicoryCompileCache.SUBDIRECTORY);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(CompileCacheKey.SUFFIX)).toList();
    }
  }
}
