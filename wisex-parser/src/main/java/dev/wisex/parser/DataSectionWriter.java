package dev.wisex.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a data section segment by segment, so the rewrite can mix kept input segments with
 * snapshot segments without materializing an intermediate list. Only the segments' framing is
 * encoded here; each payload is a {@link Payload} that copies itself into the output array when the
 * module is written, so a snapshot's bytes go from guest memory to the output in one copy and the
 * section's exact {@link #length()} is known before anything large is allocated.
 */
public final class DataSectionWriter implements SectionBody {
  /**
   * A segment's payload, written when the module is written.
   *
   * <p>{@link #copyTo} must write exactly the length the segment was declared with.
   */
  @FunctionalInterface
  public interface Payload {
    void copyTo(byte[] dst, int offset);
  }

  private final ByteWriter framing = new ByteWriter(256);
  private int[] framingEnds = new int[16];
  private int[] lengths = new int[16];
  private final List<Payload> payloads = new ArrayList<>();
  private long payloadBytes;

  public DataSectionWriter() {}

  /** An active segment: {@code memory}, offset expression (with {@code end}), payload. */
  public DataSectionWriter active(
      int memory, byte[] offsetExpr, byte[] payload, int offset, int length) {
    return active(memory, offsetExpr, length, slice(payload, offset, length));
  }

  /** An active segment whose {@code length} payload bytes {@code payload} writes later. */
  public DataSectionWriter active(int memory, byte[] offsetExpr, int length, Payload payload) {
    if (memory == 0) {
      framing.u32(0);
    } else {
      framing.u32(2).u32(memory);
    }
    framing.bytes(offsetExpr).u32(length);
    return add(length, payload);
  }

  /** A passive segment with this payload. */
  public DataSectionWriter passive(byte[] payload, int offset, int length) {
    return passive(length, slice(payload, offset, length));
  }

  /** A passive segment whose {@code length} payload bytes {@code payload} writes later. */
  public DataSectionWriter passive(int length, Payload payload) {
    framing.u32(1).u32(length);
    return add(length, payload);
  }

  private static Payload slice(byte[] bytes, int offset, int length) {
    return (dst, at) -> System.arraycopy(bytes, offset, dst, at, length);
  }

  private DataSectionWriter add(int length, Payload payload) {
    if (length < 0) {
      throw new IllegalArgumentException("negative segment length " + length);
    }
    int i = payloads.size();
    if (i == lengths.length) {
      framingEnds = Arrays.copyOf(framingEnds, 2 * i);
      lengths = Arrays.copyOf(lengths, 2 * i);
    }
    framingEnds[i] = framing.size();
    lengths[i] = length;
    payloads.add(payload);
    payloadBytes += length;
    return this;
  }

  public int count() {
    return payloads.size();
  }

  /** The section contents' exact size: the segment count, the framing and every payload. */
  @Override
  public long length() {
    return new ByteWriter(5).u32(count()).size() + (long) framing.size() + payloadBytes;
  }

  @Override
  public void writeTo(byte[] dst, int offset) {
    ByteWriter prefix = new ByteWriter(5).u32(count());
    prefix.copyTo(dst, offset);
    int at = offset + prefix.size();
    int framed = 0;
    for (int i = 0; i < payloads.size(); i++) {
      int frame = framingEnds[i] - framed;
      framing.copyTo(framed, frame, dst, at);
      at += frame;
      framed = framingEnds[i];
      payloads.get(i).copyTo(dst, at);
      at += lengths[i];
    }
  }

  /** The section contents in an array of their own (for small sections and tests). */
  public byte[] toContent() {
    byte[] content = new byte[Math.toIntExact(length())];
    writeTo(content, 0);
    return content;
  }
}
