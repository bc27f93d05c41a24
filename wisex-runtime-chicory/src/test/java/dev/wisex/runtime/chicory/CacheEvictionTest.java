package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.CacheFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheEvictionTest {
  private static final Instant NOW = Instant.now();

  @TempDir Path dir;

  @Test
  void theLeastRecentlyUsedEntriesGoUntilTheRestFitUnderTheCap() throws IOException {
    entry("a", 400, 50); // oldest
    entry("b", 300, 40);
    entry("c", 300, 30);
    entry("d", 200, 20);
    entry("e", 100, 10); // newest
    new CacheEviction(700).trim(dir);
    // Newest first: e (100) + d (200) + c (300) = 600 fits, b would make 900.
    assertEquals(Set.of("c", "d", "e"), names(CompileCacheKey.SUFFIX));
    assertEquals(600, totalSize());
  }

  @Test
  void aDirectoryUnderTheCapIsLeftAlone() throws IOException {
    entry("a", 100, 5);
    entry("b", 100, 1);
    new CacheEviction(200).trim(dir);
    assertEquals(Set.of("a", "b"), names(CompileCacheKey.SUFFIX));
  }

  @Test
  void staleTemporaryFilesGoAndFreshOnesAndForeignFilesStay() throws IOException {
    file("dead" + CacheFiles.TEMPORARY_SUFFIX, 10, Duration.ofHours(2));
    file("writing" + CacheFiles.TEMPORARY_SUFFIX, 10, Duration.ofMinutes(1));
    file("README", 10_000, Duration.ofDays(9));
    new CacheEviction(0).trim(dir);
    assertEquals(Set.of("writing"), names(CacheFiles.TEMPORARY_SUFFIX));
    assertEquals(Set.of("README"), names(""));
  }

  /** Through the store, as the backend writes: after every write the directory is under the cap. */
  @Test
  void writesThroughTheStoreStayUnderTheCap() throws IOException {
    long cap = 3L * (200 + CacheEntryFormat.HEADER_BYTES);
    CompileCacheStore store = new CompileCacheStore(dir, new CacheEviction(cap));
    for (int i = 0; i < 8; i++) {
      store.write("e" + i + CompileCacheKey.SUFFIX, new byte[200]);
      // Distinct, increasing times even on a file system with coarse timestamps.
      Files.setLastModifiedTime(
          dir.resolve("e" + i + CompileCacheKey.SUFFIX),
          FileTime.from(NOW.minus(Duration.ofMinutes(10 - i))));
      assertTrue(totalSize() <= cap, "after write " + i + ": " + totalSize());
    }
    assertEquals(Set.of("e5", "e6", "e7"), names(CompileCacheKey.SUFFIX));
  }

  private void entry(String name, int size, int minutesAgo) throws IOException {
    file(name + CompileCacheKey.SUFFIX, size, Duration.ofMinutes(minutesAgo));
  }

  private void file(String name, int size, Duration age) throws IOException {
    Path file = Files.write(dir.resolve(name), new byte[size]);
    Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
  }

  private Set<String> names(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> names = new TreeSet<>();
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> suffix.isEmpty() ? !n.contains(".") : n.endsWith(suffix))
          .forEach(n -> names.add(n.substring(0, n.length() - suffix.length())));
      return names;
    }
  }

  private long totalSize() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
