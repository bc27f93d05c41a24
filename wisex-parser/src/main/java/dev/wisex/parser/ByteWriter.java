package dev.wisex.parser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte buffer with the LEB128 encodings the binary format uses. Its own array rather
 * than a ByteArrayOutputStream: no lock per byte, and {@link #copyTo} hands a data section of a
 * gigabyte on without the extra copy {@code toByteArray} makes.
 */
public final class ByteWriter {
  // The largest array the JVM reliably allocates.
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private byte[] buf;
  private int size;

  public ByteWriter() {
    this(64);
  }

  public ByteWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  public int size() {
    return size;
  }

  public ByteWriter u8(int value) {
    ensure(1);
    buf[size++] = (byte) value;
    return this;
  }

  private void ensure(int more) {
    long needed = (long) size + more;
    if (needed > buf.length) {
      if (needed > MAX_ARRAY) {
        throw new IllegalStateException(
            "a section of more than " + MAX_ARRAY + " bytes cannot be written");
      }
      buf = Arrays.copyOf(buf, (int) Math.min(MAX_ARRAY, Math.max(needed, 2L * buf.length)));
    }
  }

  /** Unsigned LEB128 of a 32-bit value (treated as unsigned). */
  public ByteWriter u32(int value) {
    return u64(value & 0xFFFF_FFFFL);
  }

  /** Unsigned LEB128 of a 64-bit value (treated as unsigned). */
  public ByteWriter u64(long value) {
    long v = value;
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      u8(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  /** Signed LEB128 of a 32-bit value. */
  public ByteWriter s32(int value) {
    return s64(value);
  }

  /** Signed LEB128 of a 64-bit value. */
  public ByteWriter s64(long value) {
    long v = value;
    while (true) {
      int b = (int) (v & 0x7F);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      u8(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  public ByteWriter bytes(byte[] data) {
    return bytes(data, 0, data.length);
  }

  public ByteWriter bytes(byte[] data, int offset, int length) {
    ensure(length);
    System.arraycopy(data, offset, buf, size, length);
    size += length;
    return this;
  }

  /** A length-prefixed UTF-8 name. */
  public ByteWriter name(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    u32(utf8.length);
    return bytes(utf8);
  }

  /** Fixed-width little-endian 32 bits (f32 constants). */
  public ByteWriter fixed32(int value) {
    for (int i = 0; i < 4; i++) {
      u8(value >>> (8 * i));
    }
    return this;
  }

  /** Fixed-width little-endian 64 bits (f64 constants, v128 halves). */
  public ByteWriter fixed64(long value) {
    for (int i = 0; i < 8; i++) {
      u8((int) (value >>> (8 * i)));
    }
    return this;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Copies what was written into {@code dst} at {@code offset}. */
  public void copyTo(byte[] dst, int offset) {
    copyTo(0, size, dst, offset);
  }

  /** Copies {@code length} written bytes from {@code from} into {@code dst} at {@code offset}. */
  public void copyTo(int from, int length, byte[] dst, int offset) {
    Objects.checkFromIndexSize(from, length, size);
    System.arraycopy(buf, from, dst, offset, length);
  }
}
