package dev.wisex.runtime.chicory;

/**
 * Spots a 64-bit memory in the raw bytes. Chicory's parser rejects one with "invalid memory limit:
 * 4", which tells a user nothing; walking the section headers is enough to say what is actually
 * wrong.
 */
final class Memory64Probe {
  private static final int MEMORY_SECTION = 5;
  private static final int FLAG_HAS_MAX = 0x01;
  private static final int FLAG_64 = 0x04;

  private Memory64Probe() {}

  /**
   * Whether the memory section declares a 64-bit memory. Imported memories are not inspected: wisex
   * links only host functions, so such a module fails at link time anyway. Malformed input answers
   * {@code false} and is left to the parser to explain.
   */
  static boolean declaresMemory64(byte[] module) {
    try {
      return scan(new Reader(module));
    } catch (IndexOutOfBoundsException | ArithmeticException e) {
      return false;
    }
  }

  private static boolean scan(Reader in) {
    in.skip(8); // magic and version
    while (in.remaining() > 0) {
      int id = in.u8();
      int size = Math.toIntExact(in.leb());
      int end = in.position() + size;
      if (id == MEMORY_SECTION) {
        long count = in.leb();
        for (long i = 0; i < count; i++) {
          int flags = in.u8();
          if ((flags & FLAG_64) != 0) {
            return true;
          }
          in.leb();
          if ((flags & FLAG_HAS_MAX) != 0) {
            in.leb();
          }
        }
        return false;
      }
      in.seek(end);
    }
    return false;
  }

  /** Unsigned LEB128 and bytes, failing with an index exception when the input runs out. */
  private static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    int position() {
      return position;
    }

    int remaining() {
      return bytes.length - position;
    }

    void skip(int count) {
      seek(position + count);
    }

    void seek(int target) {
      if (target < position || target > bytes.length) {
        throw new IndexOutOfBoundsException(target);
      }
      position = target;
    }

    int u8() {
      return bytes[position++] & 0xFF;
    }

    long leb() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = u8();
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IndexOutOfBoundsException("LEB128 longer than 10 bytes");
    }
  }
}
