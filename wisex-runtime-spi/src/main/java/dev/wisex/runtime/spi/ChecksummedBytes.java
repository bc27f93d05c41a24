package dev.wisex.runtime.spi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The layout of a file a cache keeps between runs: a magic number naming its kind and format, the
 * payload's length and its CRC32C, then the payload. A file another process is still writing, one a
 * crash truncated or a disk corrupted fails a check and reads as absent. It guards against damage,
 * not against an adversary (a cache directory is its user's own), so a CRC does: the JIT turns
 * CRC32C into a few instructions per 8 bytes even in a JVM limited to C1, as the CLI's is, where
 * SHA-256 costs 5.7 ms per MB (sqlite's warm run checked 2 MB of entries with it).
 */
public final class ChecksummedBytes {
  private ChecksummedBytes() {}

  /** The bytes before the payload of a file whose magic number is {@code magic}. */
  public static int headerBytes(byte[] magic) {
    return magic.length + Long.BYTES + Integer.BYTES;
  }

  /** The file content that holds {@code payload} under {@code magic}. */
  public static byte[] encode(byte[] magic, byte[] payload) {
    return ByteBuffer.allocate(headerBytes(magic) + payload.length)
        .put(magic)
        .putLong(payload.length)
        .putInt(crc32c(payload, 0, payload.length))
        .put(payload)
        .array();
  }

  /**
   * The payload of {@code file}, or null unless its magic number is {@code magic} and its length
   * and checksum match the payload.
   */
  public static byte[] decode(byte[] magic, byte[] file) {
    int header = headerBytes(magic);
    if (file.length < header || !Arrays.equals(file, 0, magic.length, magic, 0, magic.length)) {
      return null;
    }
    ByteBuffer fields = ByteBuffer.wrap(file, magic.length, Long.BYTES + Integer.BYTES);
    if (fields.getLong() != file.length - header
        || fields.getInt() != crc32c(file, header, file.length - header)) {
      return null;
    }
    return Arrays.copyOfRange(file, header, file.length);
  }

  private static int crc32c(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
