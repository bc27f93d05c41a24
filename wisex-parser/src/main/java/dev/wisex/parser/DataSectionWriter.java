package dev.wisex.parser;

/**
 * Builds a data section segment by segment, so the rewrite can mix kept input segments with
 * snapshot segments without materializing an intermediate list.
 */
public final class DataSectionWriter {
  private final ByteWriter body;
  private int count;

  /**
   * @param expectedBytes the segments' encoded size, so the buffer does not have to grow
   */
  public DataSectionWriter(int expectedBytes) {
    body = new ByteWriter(Math.max(16, expectedBytes));
  }

  /** An active segment: {@code memory}, offset expression (with {@code end}), payload. */
  public DataSectionWriter active(
      int memory, byte[] offsetExpr, byte[] payload, int offset, int length) {
    if (memory == 0) {
      body.u32(0);
    } else {
      body.u32(2).u32(memory);
    }
    body.bytes(offsetExpr).u32(length).bytes(payload, offset, length);
    count++;
    return this;
  }

  /** A passive segment with this payload. */
  public DataSectionWriter passive(byte[] payload, int offset, int length) {
    body.u32(1).u32(length).bytes(payload, offset, length);
    count++;
    return this;
  }

  public int count() {
    return count;
  }

  /** The section contents: the segment count followed by the segments, copied once. */
  public byte[] toContent() {
    byte[] prefix = new ByteWriter(5).u32(count).toByteArray();
    byte[] content = new byte[Math.addExact(prefix.length, body.size())];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    body.copyTo(content, prefix.length);
    return content;
  }
}
