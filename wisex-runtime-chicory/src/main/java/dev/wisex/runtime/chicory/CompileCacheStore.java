package dev.wisex.runtime.chicory;

import dev.wisex.api.IoFailures;
import dev.wisex.runtime.spi.CacheFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A directory of compiled modules shared by every process of the user: an entry is written to a
 * temporary file beside it and renamed into place in one step, so a reader sees a whole entry or
 * none; {@link CacheEntryFormat} rejects anything else that may be there. A cache must never fail a
 * run: every I/O failure is logged and treated as a miss, or the entry is simply not kept.
 */
final class CompileCacheStore {
  private static final Logger LOG = LogManager.getLogger(CompileCacheStore.class);

  // What the tests observe (instead of timing): reads that returned an entry, entries rejected as
  // corrupt, entries written.
  static final AtomicLong HITS = new AtomicLong();
  static final AtomicLong REJECTED = new AtomicLong();
  static final AtomicLong WRITES = new AtomicLong();

  private static final AtomicBoolean WARNED_UNWRITABLE = new AtomicBoolean();

  private final Path directory;
  private final CacheEviction eviction;

  CompileCacheStore(Path directory, CacheEviction eviction) {
    this.directory = directory;
    this.eviction = eviction;
  }

  /** Whether an entry is stored under {@code name} (it may still turn out damaged on reading). */
  boolean contains(String name) {
    return Files.isRegularFile(directory.resolve(name));
  }

  /** The payload stored under {@code name}, or null if there is none or it is damaged. */
  byte[] read(String name) {
    Path file = directory.resolve(name);
    Optional<byte[]> content = CacheFiles.read(file, CacheFiles.largestEntry());
    if (content.isEmpty() && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    byte[] payload = content.map(CacheEntryFormat::decode).orElse(null);
    if (payload == null) {
      REJECTED.incrementAndGet();
      LOG.warn("compile cache: ignoring the damaged entry {}; it will be rewritten", file);
      return null;
    }
    markUsed(file);
    HITS.incrementAndGet();
    LOG.debug("compile cache: compiled code loaded from {}", file);
    return payload;
  }

  /** Stores {@code payload} under {@code name}, replacing what is there, then trims the cache. */
  void write(String name, byte[] payload) {
    try {
      CacheFiles.replace(directory.resolve(name), CacheEntryFormat.encode(payload));
      WRITES.incrementAndGet();
      LOG.debug("compile cache: compiled code kept in {}", directory.resolve(name));
      eviction.trim(directory);
    } catch (IOException | RuntimeException e) {
      // Once per process: a read-only home would otherwise add the same line to every module.
      if (WARNED_UNWRITABLE.compareAndSet(false, true)) {
        LOG.warn(
            "compile cache: cannot write to {} ({}); going on without caching (use --cache-dir DIR"
                + " for another directory, or --no-cache)",
            directory,
            e instanceof IOException io ? IoFailures.reason(io) : e.toString());
      } else {
        LOG.debug("compile cache: cannot write to {} ({})", directory, e.toString());
      }
    }
  }

  /**
   * Makes the entry {@code name}, if there is one, the most recently used without reading it: its
   * code is in use from memory ({@link LoadedMachines}), and eviction should keep it.
   */
  void markUsed(String name) {
    markUsed(directory.resolve(name));
  }

  /** Deletes the entry {@code name}, if there is one: it was read but could not be used. */
  void delete(String name) {
    deleteQuietly(directory.resolve(name));
  }

  // Eviction goes by modification time; a hit makes the entry the most recently used.
  private static void markUsed(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      LOG.debug("compile cache: cannot touch {} ({})", file, e.toString());
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      LOG.debug("compile cache: cannot delete {} ({})", file, e.toString());
    }
  }
}
