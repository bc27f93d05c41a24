package dev.wisex.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A growable byte buffer with the LEB128 encodings the binary format uses. */
public final class ByteWriter {
  private final ByteArrayOutputStream out;

  public ByteWriter() {
    this(64);
  }

  public ByteWriter(int capacity) {
    out = new ByteArrayOutputStream(capacity);
  }

  public int size() {
    return out.size();
  }

  public ByteWriter u8(int value) {
    out.write(value);
    return this;
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
      out.write(v != 0 ? b | 0x80 : b);
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
      out.write(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  public ByteWriter bytes(byte[] data) {
    out.write(data, 0, data.length);
    return this;
  }

  public ByteWriter bytes(byte[] data, int offset, int length) {
    out.write(data, offset, length);
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
      out.write(value >>> (8 * i));
    }
    return this;
  }

  /** Fixed-width little-endian 64 bits (f64 constants, v128 halves). */
  public ByteWriter fixed64(long value) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
