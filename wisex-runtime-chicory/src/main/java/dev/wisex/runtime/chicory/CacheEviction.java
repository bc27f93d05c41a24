package dev.wisex.runtime.chicory;

import dev.wisex.runtime.spi.CacheFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a compile-cache directory under a size cap by deleting the least recently used entries
 * first (a read refreshes an entry's modification time, so the oldest time is the least recently
 * used), and deletes temporary files that a crashed writer left behind. Other processes may add,
 * read or delete entries at the same time: a file that vanishes mid-scan is simply skipped.
 *
 * @param maxBytes the most the entries may take together
 */
record CacheEviction(long maxBytes) {
  /** 1 GiB: some hundred compiled modules of the size of QuickJS or SQLite (5-10 MB each). */
  static final long DEFAULT_MAX_BYTES = 1L << 30;

  /** A temporary file this old belongs to a writer that died (writing takes seconds at most). */
  static final Duration STALE_TEMPORARY = Duration.ofHours(1);

  private record Entry(Path file, long size, long lastUsed) {}

  /** Deletes entries, oldest first, until the rest fit in {@link #maxBytes}. */
  void trim(Path directory) throws IOException {
    List<Entry> entries = new ArrayList<>();
    long total = 0;
    Instant staleBefore = Instant.now().minus(STALE_TEMPORARY);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
          continue;
        }
        if (!attributes.isRegularFile()) {
          continue;
        }
        if (name.endsWith(CacheFiles.TEMPORARY_SUFFIX)
            && attributes.lastModifiedTime().toInstant().isBefore(staleBefore)) {
          Files.deleteIfExists(file);
        } else if (name.endsWith(CompileCacheKey.SUFFIX)) {
          entries.add(new Entry(file, attributes.size(), attributes.lastModifiedTime().toMillis()));
          total += attributes.size();
        }
      }
    }
    entries.sort(Comparator.comparingLong(Entry::lastUsed));
    for (Entry entry : entries) {
      if (total <= maxBytes) {
        break;
      }
      Files.deleteIfExists(entry.file());
      total -= entry.size();
    }
  }
}
