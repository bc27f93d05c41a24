package dev.wisex.runtime.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and replaces one entry of a cache directory (compiled code, a split module, a memo) so that
 * whatever sits in its place can cost a run nothing but the cache's help: a symlink, FIFO, device
 * or directory there is never read, followed or written through, an entry larger than its kind can
 * be is never loaded, and a replacement is an owner-only file moved over the name in one step (a
 * concurrent reader sees the old entry or the new one). Found by a sweep: a 3 GiB file or a link to
 * {@code /dev/zero} in an entry's place failed every later run out of memory, a FIFO hung it, and a
 * symlink there had a memo written over a file outside the cache.
 */
public final class CacheFiles {
  /** The suffix of a replacement being written; one left behind by a killed process is stale. */
  public static final String TEMPORARY_SUFFIX = ".tmp";

  private CacheFiles() {}

  /**
   * The entry's bytes, or empty if there is none, or something other than a regular file is in its
   * place, or it holds more than {@code maxBytes}, or it cannot be read. Never throws.
   */
  public static Optional<byte[]> read(Path file, long maxBytes) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile() || attributes.size() > maxBytes) {
        return Optional.empty();
      }
      Set<OpenOption> options = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      try (SeekableByteChannel channel = Files.newByteChannel(file, options);
          InputStream in = Channels.newInputStream(channel)) {
        // The size may have changed since: read no more than the bound, and refuse a longer one.
        byte[] content = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        return content.length > maxBytes ? Optional.empty() : Optional.of(content);
      }
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      return Optional.empty();
    }
  }

  /**
   * The most bytes an entry of compiled code or a split module may have here: a quarter of the
   * heap, and never more than one array holds.
   */
  public static long largestEntry() {
    return Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / 4);
  }

  /**
   * Replaces the entry {@code target} with {@code content}: an owner-only temporary file beside it,
   * removed again should anything fail, moved over the name (not through it).
   */
  public static void replace(Path target, byte[] content) throws IOException {
    Path directory = target.getParent();
    Files.createDirectories(directory);
    Path tmp = Files.createTempFile(directory, target.getFileName() + ".", TEMPORARY_SUFFIX);
    try {
      Files.write(tmp, content);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException | RuntimeException e) {
          // a stale temporary, removed by eviction later
        }
      }
    }
  }
}
