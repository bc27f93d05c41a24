package dev.wisex.parser.analysis;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.ByteReader;

/**
 * Reads the type immediates that appear inside code: value types (locals, typed select), block
 * types and heap types. They share one quirk — a single byte from the abstract-type range versus a
 * multi-byte type index or {@code (ref null? ht)} form — so the peeking lives here once.
 */
final class TypeDecoder {
  private static final int V128 = 0x7B;
  private static final int REF = 0x64;
  private static final int REF_NULL = 0x63;
  private static final int EMPTY_BLOCK = 0x40;

  private final byte[] bytes;
  private final FeatureAccumulator features;

  TypeDecoder(byte[] bytes, FeatureAccumulator features) {
    this.bytes = bytes;
    this.features = features;
  }

  /** Reads one value type, including the two-part {@code (ref null? ht)} encodings. */
  void valueType(ByteReader in, String what) {
    int at = in.position();
    int code = in.u8(what);
    if (isNumberType(code)) {
      if (code == V128) {
        features.simd = true;
      }
    } else if (code == REF || code == REF_NULL) {
      heapType(in);
    } else if (!isAbstractReference(code)) {
      throw new MalformedModuleException(
          "invalid value type 0x" + Hex.byteHex(code) + " in " + what + " at offset " + at);
    }
  }

  /**
   * Reads a block type. The grammar is ambiguous only on the surface: a single byte from the
   * value-type range is a type, anything else is an s33 that must be a non-negative type index.
   */
  void blockType(ByteReader in) {
    int at = in.position();
    int first = peek(in);
    if (first == EMPTY_BLOCK || isNumberType(first) || isAbstractReference(first)) {
      in.skip(1, "block type");
      if (first == V128) {
        features.simd = true;
      }
    } else if (first == REF || first == REF_NULL) {
      in.skip(1, "block type");
      heapType(in);
    } else if (in.s33("block type") < 0) {
      throw new MalformedModuleException("invalid block type at offset " + at);
    }
  }

  /** Reads a heap type: an abstract type byte, or an s33 type index that must not be negative. */
  void heapType(ByteReader in) {
    int at = in.position();
    if (isAbstractReference(peek(in))) {
      in.skip(1, "heap type");
    } else if (in.s33("heap type") < 0) {
      throw new MalformedModuleException("invalid heap type at offset " + at);
    }
  }

  /**
   * The next byte without consuming it, or -1 at the end (the following read then reports
   * truncation).
   */
  private int peek(ByteReader in) {
    return in.atEnd() ? -1 : bytes[in.position()] & 0xFF;
  }

  private static boolean isNumberType(int code) {
    return code >= V128 && code <= 0x7F;
  }

  /**
   * exnref/noexn (exceptions), func/extern (reference types) and any/eq/i31/struct/array/none/…
   * (GC).
   */
  private static boolean isAbstractReference(int code) {
    return code >= 0x69 && code <= 0x74;
  }
}
