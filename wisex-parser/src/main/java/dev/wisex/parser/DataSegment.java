package dev.wisex.parser;

import java.util.OptionalLong;

/**
 * One data segment. The payload stays in the module's byte array (only its position is kept), so
 * parsing a module with megabytes of data copies nothing.
 *
 * @param active true for an active segment, false for a passive one
 * @param memoryIndex target memory of an active segment (0 for passive ones)
 * @param offsetExpr exact bytes of an active segment's offset expression including its {@code end},
 *     or an empty array for a passive one
 * @param payloadOffset position of the payload in the module's bytes
 * @param payloadLength payload length in bytes
 */
public record DataSegment(
    boolean active, int memoryIndex, byte[] offsetExpr, int payloadOffset, int payloadLength) {

  /**
   * The address of an active segment whose offset is one {@code i32.const} (read unsigned, as the
   * spec does) or {@code i64.const}; empty for a passive segment or any other offset expression.
   */
  public OptionalLong constantOffset() {
    if (!active || offsetExpr.length < 2 || offsetExpr[offsetExpr.length - 1] != 0x0B) {
      return OptionalLong.empty();
    }
    ByteReader in = new ByteReader(offsetExpr);
    int op = in.u8("offset opcode");
    if (op != 0x41 && op != 0x42) {
      return OptionalLong.empty();
    }
    long offset = op == 0x41 ? in.s32("offset") & 0xFFFF_FFFFL : in.s64("offset");
    return in.remaining() == 1 ? OptionalLong.of(offset) : OptionalLong.empty();
  }
}
