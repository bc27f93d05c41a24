package dev.wisex.rewriter;

import dev.wisex.runtime.spi.CacheFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Which backend finished init first on a module in the middle band, kept in the cache directory
 * ({@code engine-choice/} beside the compile cache) so that the next run of the same module runs on
 * that backend alone instead of racing or trying again: no fact of the module tells (README
 * "Choosing a runtime backend"), one run does. A memo never changes a result, only which backend
 * computes it, so a stale or unreadable one is merely ignored, a memo that cannot be written is not
 * an error, and the key need not resist an adversary: the module's length and two checksums of its
 * bytes (CRC32C and CRC32, which the JIT computes at memory speed even limited to C1, where a
 * SHA-256 of sqlite cost a warm run ~7 ms).
 */
final class EngineMemo {
  private static final Logger LOG = LogManager.getLogger(EngineMemo.class);

  /** The subdirectory of the cache directory. */
  static final String SUBDIRECTORY = "engine-choice";

  /**
   * At most this many memos are kept (a few bytes each): past it, writing one deletes the least
   * recently used quarter (a memo is used when it is written or recalled), so the directory stays
   * bounded however many modules a build pre-initializes.
   */
  static final int MAX_MEMOS = 4096;

  /** Longer than any backend name: anything longer is not a memo. */
  private static final int MAX_BYTES = 64;

  private final Path file;

  private EngineMemo(Path file) {
    this.file = file;
  }

  /** The memo of {@code module} in {@code cacheDir}, or {@code null} without a cache directory. */
  static EngineMemo of(Path cacheDir, byte[] module) {
    if (cacheDir == null) {
      return null;
    }
    return new EngineMemo(cacheDir.resolve(SUBDIRECTORY).resolve(key(module)));
  }

  /** The backend remembered for the module, if any. */
  Optional<String> recall() {
    try {
      Optional<byte[]> content = CacheFiles.read(file, MAX_BYTES);
      if (content.isEmpty()) {
        return Optional.empty();
      }
      String name = new String(content.get(), StandardCharsets.UTF_8).strip();
      if (name.isEmpty()) {
        return Optional.empty();
      }
      markUsed(file);
      return Optional.of(name);
    } catch (RuntimeException e) {
      LOG.debug("engine memo {} unreadable: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Marks a memo ({@link SplitMemo}'s too) used, for {@link #trim}; a read-only cache directory
   * keeps its times.
   */
  static void markUsed(Path memo) {
    try {
      Files.setLastModifiedTime(memo, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      LOG.debug("memo {} not marked used: {}", memo, e.getMessage());
    }
  }

  /** Remembers {@code runtime} for the module; a failure to write is logged, never thrown. */
  void remember(String runtime) {
    try {
      Files.createDirectories(file.getParent());
      CacheFiles.replace(file, (runtime + "\n").getBytes(StandardCharsets.UTF_8));
      trim(file.getParent(), MAX_MEMOS);
    } catch (IOException | RuntimeException e) {
      LOG.debug("engine memo {} not written: {}", file, e.getMessage());
    }
  }

  /**
   * Deletes the least recently used quarter of the memos in {@code directory} when it holds more
   * than {@code max}. Another process may delete some meanwhile: a memo that is gone is skipped.
   */
  static void trim(Path directory, int max) throws IOException {
    List<Path> memos;
    try (Stream<Path> files = Files.list(directory)) {
      memos = files.filter(Files::isRegularFile).toList();
    }
    if (memos.size() <= max) {
      return;
    }
    record Used(Path file, long millis) {}
    List<Used> byAge = new ArrayList<>();
    for (Path memo : memos) {
      try {
        byAge.add(new Used(memo, Files.getLastModifiedTime(memo).toMillis()));
      } catch (IOException gone) {
        // deleted by another process
      }
    }
    byAge.sort(Comparator.comparingLong(Used::millis));
    int excess = byAge.size() - max * 3 / 4;
    for (int i = 0; i < excess && i < byAge.size(); i++) {
      Files.deleteIfExists(byAge.get(i).file());
    }
    LOG.debug("engine memos: {} of {} deleted, the least recently used", excess, byAge.size());
  }

  private static String key(byte[] module) {
    CRC32C castagnoli = new CRC32C();
    castagnoli.update(module);
    CRC32 zlib = new CRC32();
    zlib.update(module);
    return String.format(
        Locale.ROOT, "%08x%08x-%d", castagnoli.getValue(), zlib.getValue(), module.length);
  }
}
