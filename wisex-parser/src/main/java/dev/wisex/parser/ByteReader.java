package dev.wisex.parser;

import dev.wisex.api.MalformedModuleException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over a module's bytes. Every failure names what was being read and the
 * absolute byte offset, so a user can find the fault with a hex dump.
 */
public final class ByteReader {
  private final byte[] bytes;
  private int position;
  private final int limit;

  public ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public ByteReader(byte[] bytes, int start, int limit) {
    this.bytes = bytes;
    this.position = start;
    this.limit = limit;
  }

  public int position() {
    return position;
  }

  public int limit() {
    return limit;
  }

  public boolean atEnd() {
    return position >= limit;
  }

  public int remaining() {
    return limit - position;
  }

  /** Reads one unsigned byte. */
  public int u8(String what) {
    if (position >= limit) {
      throw truncated(what);
    }
    return bytes[position++] & 0xFF;
  }

  /** Reads an unsigned LEB128 of at most 32 bits. */
  public int u32(String what) {
    long value = unsignedLeb(what, 32);
    return (int) value;
  }

  /**
   * Reads an unsigned LEB128 of at most 32 bits and checks it fits a Java int (counts, lengths).
   */
  public int u32Length(String what) {
    int start = position;
    long value = unsignedLeb(what, 32) & 0xFFFF_FFFFL;
    if (value > Integer.MAX_VALUE) {
      throw new MalformedModuleException(what + " " + value + " is too large at offset " + start);
    }
    return (int) value;
  }

  /** Reads an unsigned LEB128 of at most 64 bits. */
  public long u64(String what) {
    return unsignedLeb(what, 64);
  }

  /** Reads a signed LEB128 of at most 32 bits. */
  public int s32(String what) {
    return (int) signedLeb(what, 32);
  }

  /** Reads a signed LEB128 of at most 33 bits (block types). */
  public long s33(String what) {
    return signedLeb(what, 33);
  }

  /** Reads a signed LEB128 of at most 64 bits. */
  public long s64(String what) {
    return signedLeb(what, 64);
  }

  /** Skips {@code n} bytes. */
  public void skip(int n, String what) {
    if (n < 0 || n > limit - position) {
      throw truncated(what);
    }
    position += n;
  }

  /** Reads {@code n} bytes into a new array. */
  public byte[] bytes(int n, String what) {
    int start = position;
    skip(n, what);
    byte[] out = new byte[n];
    System.arraycopy(bytes, start, out, 0, n);
    return out;
  }

  /** Reads a length-prefixed UTF-8 name. */
  public String name(String what) {
    int start = position;
    int length = u32Length(what + " length");
    skip(length, what);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, position - length, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedModuleException(what + " is not valid UTF-8 at offset " + start);
    }
  }

  /** A malformed-module error at the current position. */
  public MalformedModuleException error(String message) {
    return new MalformedModuleException(message + " at offset " + position);
  }

  private MalformedModuleException truncated(String what) {
    return new MalformedModuleException(
        "unexpected end of input while reading " + what + " at offset " + position);
  }

  private long unsignedLeb(String what, int bits) {
    int start = position;
    long result = 0;
    int shift = 0;
    while (true) {
      if (position >= limit) {
        throw truncated(what);
      }
      int b = bytes[position++] & 0xFF;
      if (shift + 7 > bits && (b & 0x7F) >>> (bits - shift) != 0) {
        throw new MalformedModuleException(
            "integer too large (LEB128 overflow) in " + what + " at offset " + start);
      }
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
      if ((b & 0x80) == 0) {
        return result;
      }
      if (shift >= bits) {
        throw new MalformedModuleException(
            "integer representation too long (LEB128) in " + what + " at offset " + start);
      }
    }
  }

  private long signedLeb(String what, int bits) {
    int start = position;
    long result = 0;
    int shift = 0;
    int b;
    do {
      if (position >= limit) {
        throw truncated(what);
      }
      b = bytes[position++] & 0xFF;
      if (shift + 7 >= bits && shift < bits) {
        // The unused high bits of the last byte must all equal the sign bit.
        int used = bits - shift;
        int mask = (0x7F >>> used) << used & 0x7F;
        int signBit = (b >>> (used - 1)) & 1;
        if ((b & 0x80) == 0 && (b & mask) != (signBit == 1 ? mask : 0)) {
          throw new MalformedModuleException(
              "integer too large (LEB128 overflow) in " + what + " at offset " + start);
        }
      }
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
      if ((b & 0x80) != 0 && shift >= bits) {
        throw new MalformedModuleException(
            "integer representation too long (LEB128) in " + what + " at offset " + start);
      }
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }
}
