package dev.wisex.runtime.chicory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The bytes of one compile-cache file: a magic number, the payload's length and its SHA-256, then
 * the payload. A file that another process is still writing, that a crash truncated or that a disk
 * corrupted fails one of the three checks, so it is never handed to the class loader.
 */
final class CacheEntryFormat {
  /** "wisex compile cache", format 1: a change of layout changes the last byte. */
  static final byte[] MAGIC = "WISEXCC\u0001".getBytes(StandardCharsets.ISO_8859_1);

  static final int HEADER_BYTES = MAGIC.length + Long.BYTES + 32;

  private CacheEntryFormat() {}

  /** The file content that holds {@code payload}. */
  static byte[] encode(byte[] payload) {
    return ByteBuffer.allocate(HEADER_BYTES + payload.length)
        .put(MAGIC)
        .putLong(payload.length)
        .put(sha256(payload, 0, payload.length))
        .put(payload)
        .array();
  }

  /** The payload of {@code file}, or null unless magic, length and checksum all match. */
  static byte[] decode(byte[] file) {
    if (file.length < HEADER_BYTES
        || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    ByteBuffer header = ByteBuffer.wrap(file, MAGIC.length, Long.BYTES + 32);
    long length = header.getLong();
    if (length != file.length - HEADER_BYTES) {
      return null;
    }
    byte[] expected = new byte[32];
    header.get(expected);
    if (!MessageDigest.isEqual(expected, sha256(file, HEADER_BYTES, (int) length))) {
      return null;
    }
    return Arrays.copyOfRange(file, HEADER_BYTES, file.length);
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
