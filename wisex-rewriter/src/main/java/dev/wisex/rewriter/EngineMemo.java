package dev.wisex.rewriter;

import dev.wisex.api.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Which backend finished init first on a module in the middle band, kept in the cache directory
 * ({@code engine-choice/} beside the compile cache) so that the next run of the same module runs on
 * that backend alone instead of racing or trying again: no fact of the module tells (README
 * "Choosing a runtime backend"), one run does. Keyed by the SHA-256 of the module's bytes; a memo
 * never changes a result, only which backend computes it, so a stale or unreadable one is merely
 * ignored, and a memo that cannot be written is not an error.
 */
final class EngineMemo {
  private static final Logger LOG = LogManager.getLogger(EngineMemo.class);

  /** The subdirectory of the cache directory. */
  static final String SUBDIRECTORY = "engine-choice";

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
    return new EngineMemo(cacheDir.resolve(SUBDIRECTORY).resolve(sha256(module)));
  }

  /** The backend remembered for the module, if any. */
  Optional<String> recall() {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      String name = Files.readString(file, StandardCharsets.UTF_8).strip();
      return name.isEmpty() ? Optional.empty() : Optional.of(name);
    } catch (IOException | RuntimeException e) {
      LOG.debug("engine memo {} unreadable: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Remembers {@code runtime} for the module; a failure to write is logged, never thrown. */
  void remember(String runtime) {
    try {
      Files.createDirectories(file.getParent());
      AtomicFile.write(file, (runtime + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      LOG.debug("engine memo {} not written: {}", file, e.getMessage());
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
