package dev.wisex.rewriter;

import dev.wisex.rewriter.instrument.HugeFunctionSplitter;
import dev.wisex.runtime.spi.CacheFiles;
import dev.wisex.runtime.spi.ChecksummedBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The modules {@link HugeFunctionSplitter} made, kept in the cache directory ({@code split/} beside
 * the compile cache): the split is deterministic, and a warm run then reads its result (a few
 * milliseconds) instead of computing it again (sqlite: ~70 ms in a JVM just started). Keyed by the
 * SHA-256 of the module's bytes, the size limit and the splitter's own class files, so another
 * build of the splitter never reads an entry of this one; each entry carries a checksum of its
 * contents ({@link ChecksummedBytes}), and one that does not match (truncated, corrupt, foreign) is
 * ignored and written again. A memo that cannot be read or written is never an error: the module is
 * split instead.
 */
final class SplitMemo {
  private static final Logger LOG = LogManager.getLogger(SplitMemo.class);

  /** The subdirectory of the cache directory. */
  static final String SUBDIRECTORY = "split";

  /** At most this many entries (each about the size of its module) are kept; see trim. */
  static final int MAX_ENTRIES = 32;

  /** "wisex split", format 2 ({@link ChecksummedBytes}). */
  private static final byte[] MAGIC = {'W', 'I', 'S', 'E', 'X', 'S', 'P', '2'};

  /** The classes whose code decides the split. */
  private static final String[] SPLITTER_CLASSES = {
    "HugeFunctionSplitter",
    "FunctionSplitter",
    "LocalLiveness",
    "StackInstruction",
    "StackInstructionReader",
    "AppendedFunctions",
    "CodeEditor"
  };

  private SplitMemo() {}

  /**
   * {@link HugeFunctionSplitter#apply(byte[], int)} of {@code module}, read from {@code cacheDir}
   * when a run made it before and written there when not; computed every time without a cache
   * directory or where the splitter's class files cannot be read (nothing would tell builds apart).
   */
  static byte[] split(Path cacheDir, byte[] module, int largestBytes) {
    if (cacheDir == null || Splitter.IDENTITY.length == 0) {
      return HugeFunctionSplitter.apply(module, largestBytes);
    }
    Path file = entry(cacheDir, module, largestBytes);
    byte[] recalled = recall(file);
    if (recalled != null) {
      return recalled.length == 0 ? module : recalled;
    }
    byte[] split = HugeFunctionSplitter.apply(module, largestBytes);
    // An unchanged module is remembered as an empty entry: nothing to split is worth knowing too.
    remember(file, split == module ? new byte[0] : split);
    return split;
  }

  /** Where the entry of {@code module} split at {@code largestBytes} is kept. */
  static Path entry(Path cacheDir, byte[] module, int largestBytes) {
    return cacheDir.resolve(SUBDIRECTORY).resolve(key(module, largestBytes));
  }

  private static byte[] recall(Path file) {
    try {
      byte[] split =
          CacheFiles.read(file, CacheFiles.largestEntry())
              .map(bytes -> ChecksummedBytes.decode(MAGIC, bytes))
              .orElse(null);
      if (split == null) {
        LOG.debug("split memo {} is not one or does not match its checksum: ignored", file);
        return null;
      }
      EngineMemo.markUsed(file);
      LOG.debug("split module read from {}", file);
      return split;
    } catch (RuntimeException e) {
      LOG.debug("split memo {} unreadable: {}", file, e.getMessage());
      return null;
    }
  }

  private static void remember(Path file, byte[] split) {
    try {
      Files.createDirectories(file.getParent());
      CacheFiles.replace(file, ChecksummedBytes.encode(MAGIC, split));
      EngineMemo.trim(file.getParent(), MAX_ENTRIES);
    } catch (IOException | RuntimeException e) {
      LOG.debug("split memo {} not written: {}", file, e.getMessage());
    }
  }

  private static String key(byte[] module, int largestBytes) {
    MessageDigest digest = newSha256();
    digest.update(module);
    digest.update(ByteBuffer.allocate(4).putInt(largestBytes).array());
    digest.update(Splitter.IDENTITY);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static final class Splitter {
    /** SHA-256 of the splitter's class files as this JVM loaded them (empty if unreadable). */
    static final byte[] IDENTITY = identity();

    private static byte[] identity() {
      MessageDigest digest = newSha256();
      for (String name : SPLITTER_CLASSES) {
        try (InputStream in = HugeFunctionSplitter.class.getResourceAsStream(name + ".class")) {
          if (in == null) {
            return new byte[0];
          }
          digest.update(in.readAllBytes());
        } catch (IOException e) {
          return new byte[0];
        }
      }
      return digest.digest();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
