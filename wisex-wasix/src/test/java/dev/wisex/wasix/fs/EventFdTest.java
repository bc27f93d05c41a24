package dev.wisex.wasix.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** poll_oneoff sees an event fd as wasmer does: once per change of a non-zero counter. */
class EventFdTest {
  @Test
  void aCounterIsReportedOncePerChange() {
    EventFd fd = new EventFd(0, 0);
    assertFalse(fd.pollReadable(), "a zero counter is not readable");
    fd.write(le(1));
    assertTrue(fd.pollReadable());
    assertFalse(fd.pollReadable(), "the same value is not reported twice");
    assertTrue(fd.readable(), "a read would still return at once");
    fd.write(le(1));
    assertTrue(fd.pollReadable(), "a new write is a new event");
    byte[] value = new byte[8];
    assertEquals(8, fd.read(value, 0, 8));
    assertEquals(2, ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong());
    assertFalse(fd.pollReadable(), "drained");
    fd.write(le(2));
    assertTrue(fd.pollReadable(), "after a read the same counter value is news again");
  }

  private static byte[] le(long value) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
  }
}
