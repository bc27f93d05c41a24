package dev.wisex.runtime.chicory;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.Section;
import dev.wisex.runtime.spi.CacheFiles;
import dev.wisex.runtime.spi.PreparationCost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * What Chicory's compiler costs on this machine, per byte of code, learned from its own compiles
 * into the cache directory: the machines wisex runs on differ several-fold (quickjs's compile took
 * 2.6 µs per byte on one 2-core VM and 0.9 on another), and the default selection's trial is only
 * as good as this figure. The file ({@code chicory/compile-rate}) holds the last {@link #KEPT}
 * samples, one number of nanoseconds per byte per line; the estimate is their median, so one
 * compile slowed by a busy machine moves it little. Like the compile cache, it never fails a run: a
 * file that cannot be read or written, or holds anything else, counts as no samples.
 */
final class CompileRate {
  static final String FILE_NAME = "compile-rate";

  /** Samples kept, the newest last. */
  static final int KEPT = 9;

  /**
   * Compiles of less code than this teach nothing: their fixed costs (loading the compiler, the
   * JIT's first work on it: ~0.2 s of processor time) would dominate the figure, which serves the
   * estimates of larger modules (tiny, 32 KiB of code, 6 µs per byte; regex and uap, 63 KiB, 3.6;
   * quickjs, sqlite and javy, 0.6–1.0 MiB, 0.72–0.85, on one 2-core machine).
   */
  static final long MIN_SAMPLE_CODE_BYTES = 256L << 10;

  /**
   * Nanoseconds per byte no compile takes (a millisecond; Chicory takes about one microsecond): a
   * file holding more was not written by this class, and is ignored like any other.
   */
  static final long MAX_SAMPLE = 1_000_000;

  private static final Logger LOG = LogManager.getLogger(CompileRate.class);

  private final Path file;

  private CompileRate(Path file) {
    this.file = file;
  }

  /** The rate kept in {@code cacheDir}'s Chicory subdirectory. */
  static CompileRate in(Path cacheDir) {
    return new CompileRate(cacheDir.resolve(ChicoryCompileCache.SUBDIRECTORY).resolve(FILE_NAME));
  }

  /** The bytes of the code section of {@code module}, 0 if it has none or cannot be read. */
  static long codeBytes(byte[] module) {
    try {
      Section code = Section.find(module, Section.CODE);
      return code == null ? 0 : code.contentLength();
    } catch (MalformedModuleException e) {
      return 0;
    }
  }

  /** The cost of compiling {@code codeBytes}: from the samples here, else the SPI's default. */
  PreparationCost estimate(long codeBytes) {
    long[] samples = samples();
    if (samples.length == 0) {
      return PreparationCost.defaultCompile(codeBytes);
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    long median = sorted[sorted.length / 2];
    return PreparationCost.perByte(
        codeBytes,
        median,
        String.format(
            Locale.ROOT,
            "%.2f µs per byte of code, the median of Chicory's last %d compiles here",
            median / 1000.0,
            samples.length));
  }

  /**
   * Adds a compile of {@code codeBytes} that cost {@code processorTime}, unless it is too small to
   * teach anything; the oldest sample beyond {@link #KEPT} goes. Replaced in one step ({@link
   * CacheFiles#replace}), so a concurrent reader sees the old samples or the new ones; of two
   * concurrent writers one sample may be lost, which an estimate can bear.
   */
  void record(long codeBytes, Duration processorTime) {
    if (codeBytes < MIN_SAMPLE_CODE_BYTES || processorTime.isNegative()) {
      return;
    }
    long nanosPerByte = processorTime.toNanos() / codeBytes;
    List<Long> kept = new ArrayList<>();
    for (long sample : samples()) {
      kept.add(sample);
    }
    kept.add(nanosPerByte);
    List<Long> newest = kept.subList(Math.max(0, kept.size() - KEPT), kept.size());
    StringBuilder text = new StringBuilder();
    for (long sample : newest) {
      text.append(sample).append('\n');
    }
    try {
      CacheFiles.replace(file, text.toString().getBytes(StandardCharsets.US_ASCII));
      LOG.debug(
          "compile rate: {} bytes of code compiled in {} ms of processor time ({} ns per byte)",
          codeBytes,
          processorTime.toMillis(),
          nanosPerByte);
    } catch (IOException | RuntimeException e) {
      LOG.debug("compile rate: cannot write {} ({})", file, e.toString());
    }
  }

  /** The samples in the file, oldest first; none if it is missing or holds anything else. */
  long[] samples() {
    // KEPT lines of at most 12 digits: anything longer is not a rate file.
    Optional<byte[]> content = CacheFiles.read(file, KEPT * 14L);
    if (content.isEmpty()) {
      return new long[0];
    }
    List<String> lines = new String(content.get(), StandardCharsets.US_ASCII).lines().toList();
    if (lines.size() > KEPT) {
      return new long[0];
    }
    long[] samples = new long[lines.size()];
    for (int i = 0; i < samples.length; i++) {
      String line = lines.get(i);
      if (line.isEmpty() || line.length() > 12 || !line.chars().allMatch(Character::isDigit)) {
        return new long[0]; // not a file this class wrote
      }
      samples[i] = Long.parseLong(line);
      if (samples[i] == 0 || samples[i] > MAX_SAMPLE) {
        return new long[0];
      }
    }
    return samples;
  }
}
