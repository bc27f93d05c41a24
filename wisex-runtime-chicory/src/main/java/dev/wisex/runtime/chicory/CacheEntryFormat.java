package dev.wisex.runtime.chicory;

import dev.wisex.runtime.spi.ChecksummedBytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bytes of one compile-cache file ({@link ChecksummedBytes} under this cache's magic number),
 * so that a file another process is still writing, that a crash truncated or that a disk corrupted
 * is never handed to the class loader; and the SHA-256 digests that name entries.
 */
final class CacheEntryFormat {
  /** "wisex compile cache", format 2 (CRC32C): a change of layout changes the last byte. */
  static final byte[] MAGIC = "WISEXCC\u0002".getBytes(StandardCharsets.ISO_8859_1);

  static final int HEADER_BYTES = ChecksummedBytes.headerBytes(MAGIC);

  private CacheEntryFormat() {}

  /** The file content that holds {@code payload}. */
  static byte[] encode(byte[] payload) {
    return ChecksummedBytes.encode(MAGIC, payload);
  }

  /** The payload of {@code file}, or null unless magic, length and checksum all match. */
  static byte[] decode(byte[] file) {
    return ChecksummedBytes.decode(MAGIC, file);
  }

  static byte[] sha256(byte[] bytes, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, offset, length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
