package dev.wisex.runtime.node;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The frames between this backend and its Node.js host ({@code host.js}, which holds the same
 * numbers): a little-endian {@code u32} length, an operation byte and its payload. Requests go to
 * Node; answers, and the guest's calls of host functions, come back.
 */
final class NodeProtocol {
  static final int INSTANTIATE = 1;
  static final int CALL = 2;
  static final int GLOBAL = 3;
  static final int MEMORY_SIZE = 4;
  static final int MEMORY_READ = 5;
  static final int MEMORY_WRITE = 6;
  static final int HOST_RETURN = 7;
  static final int HOST_TRAP = 8;

  static final int OK = 0x81;
  static final int RESULT = 0x82;
  static final int ERROR = 0x83;
  static final int HOST_CALL = 0x84;
  static final int DATA = 0x85;
  static final int VALUE = 0x86;

  /** Kinds of {@link #ERROR}. */
  static final int ERROR_TRAP = 1;

  static final int ERROR_LINK = 2;
  static final int ERROR_HOST = 3;
  static final int ERROR_STACK = 4;
  static final int ERROR_INTERNAL = 5;
  static final int ERROR_COMPILE = 6;

  private NodeProtocol() {}

  /** A frame being written: the operation, then its payload. */
  static final class Out {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int op;

    Out(int op) {
      this.op = op;
      bytes.writeBytes(new byte[4]); // the length, filled in by frame()
      bytes.write(op);
    }

    int op() {
      return op;
    }

    Out u8(int value) {
      bytes.write(value);
      return this;
    }

    Out u32(int value) {
      bytes.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
      return this;
    }

    Out u64(long value) {
      bytes.writeBytes(
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
      return this;
    }

    Out bytes(byte[] data, int offset, int length) {
      bytes.write(data, offset, length);
      return this;
    }

    Out str(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      return u32(utf8.length).bytes(utf8, 0, utf8.length);
    }

    /** Value types as their binary codes, a byte each, after their count. */
    Out types(List<Integer> codes) {
      u8(codes.size());
      codes.forEach(this::u8);
      return this;
    }

    /** Values as type code and raw bits each, after their count. */
    Out values(List<Integer> codes, long[] bits) {
      u8(codes.size());
      for (int i = 0; i < codes.size(); i++) {
        u8(codes.get(i)).u64(bits[i]);
      }
      return this;
    }

    byte[] frame() {
      byte[] frame = bytes.toByteArray();
      ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(0, frame.length - 4);
      return frame;
    }
  }

  /** A frame received: its operation and a cursor over its payload. */
  static final class In {
    private final ByteBuffer payload;
    private final int op;

    In(byte[] frame) {
      payload = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
      op = payload.get() & 0xFF;
    }

    int op() {
      return op;
    }

    int u8() {
      return payload.get() & 0xFF;
    }

    int u32() {
      return payload.getInt();
    }

    long u64() {
      return payload.getLong();
    }

    String str() {
      byte[] utf8 = new byte[u32()];
      payload.get(utf8);
      return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The rest of the payload, copied into {@code dst}. */
    void rest(byte[] dst, int offset, int length) {
      if (payload.remaining() != length) {
        throw new IllegalStateException(
            "Node sent " + payload.remaining() + " bytes where " + length + " were asked");
      }
      payload.get(dst, offset, length);
    }

    /** Values as {@link Out#values} wrote them: the bits alone, in order. */
    long[] values() {
      long[] bits = new long[u8()];
      for (int i = 0; i < bits.length; i++) {
        u8(); // the type, which the receiver knows
        bits[i] = u64();
      }
      return bits;
    }
  }
}
