package dev.wisex.parser.write;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.SectionBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a data section segment by segment, so the rewrite can mix kept input segments with
 * snapshot segments without materializing an intermediate list. Only the segments' framing is
 * encoded here; each payload is a {@link SectionBody} that writes itself into the output array when
 * the module is written, so a snapshot's bytes go from guest memory to the output in one copy and
 * the section's exact {@link #length()} is known before anything large is allocated.
 */
public final class DataSectionWriter implements SectionBody {
  private final ByteWriter framing = new ByteWriter(256);
  private int[] framingEnds = new int[16];
  private final List<SectionBody> payloads = new ArrayList<>();
  private long payloadBytes;

  public DataSectionWriter() {}

  /** An active segment: {@code memory}, offset expression (with {@code end}), payload. */
  public DataSectionWriter active(
      int memory, byte[] offsetExpr, byte[] payload, int offset, int length) {
    return active(memory, offsetExpr, SectionBody.slice(payload, offset, length));
  }

  /** An active segment whose payload is written when the module is. */
  public DataSectionWriter active(int memory, byte[] offsetExpr, SectionBody payload) {
    int length = segmentLength(payload);
    if (memory == 0) {
      framing.u32(0);
    } else {
      framing.u32(2).u32(memory);
    }
    framing.bytes(offsetExpr).u32(length);
    return add(payload);
  }

  /** A passive segment with this payload. */
  public DataSectionWriter passive(byte[] payload, int offset, int length) {
    return passive(SectionBody.slice(payload, offset, length));
  }

  /** A passive segment whose payload is written when the module is. */
  public DataSectionWriter passive(SectionBody payload) {
    framing.u32(1).u32(segmentLength(payload));
    return add(payload);
  }

  private static int segmentLength(SectionBody payload) {
    long length = payload.length();
    if (length < 0 || length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("invalid segment length " + length);
    }
    return (int) length;
  }

  private DataSectionWriter add(SectionBody payload) {
    int i = payloads.size();
    if (i == framingEnds.length) {
      framingEnds = Arrays.copyOf(framingEnds, 2 * i);
    }
    framingEnds[i] = framing.size();
    payloads.add(payload);
    payloadBytes += payload.length();
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
      SectionBody payload = payloads.get(i);
      payload.writeTo(dst, at);
      at += (int) payload.length();
    }
  }

  /** The section contents in an array of their own (for small sections and tests). */
  public byte[] toContent() {
    byte[] content = new byte[Math.toIntExact(length())];
    writeTo(content, 0);
    return content;
  }
}
