package dev.wisex.wasix.fs;

import dev.wisex.api.InitFailedException;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An in-memory event counter ({@code fd_event}, Linux eventfd semantics): writes add an 8-byte
 * value, a read returns and clears it (or returns 1 and decrements in semaphore mode). Reading a
 * zero counter could only be woken by another thread, so it fails init (or returns EAGAIN when
 * non-blocking).
 */
public final class EventFd extends Fd {
  public static final int SEMAPHORE = 1;

  private long counter;

  /** The counter poll_oneoff last reported, so that one value is reported once (as in wasmer). */
  private long lastPolled;

  private final boolean semaphore;

  public EventFd(long initial, int flags) {
    this.counter = initial;
    this.semaphore = (flags & SEMAPHORE) != 0;
  }

  @Override
  public int filetype() {
    return FileType.UNKNOWN;
  }

  @Override
  public int read(byte[] dst, int off, int len) {
    if (len < 8) {
      throw new WasiException(Errno.INVAL);
    }
    if (counter == 0) {
      if ((fdflags & 4) != 0) {
        throw new WasiException(Errno.AGAIN);
      }
      throw new InitFailedException(
          "init read an event fd whose counter is 0: it would block forever during init");
    }
    long value = semaphore ? 1 : counter;
    counter -= value;
    lastPolled = 0;
    ByteBuffer.wrap(dst, off, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
    return 8;
  }

  @Override
  public int write(byte[] src) {
    if (src.length < 8) {
      throw new WasiException(Errno.INVAL);
    }
    counter += ByteBuffer.wrap(src, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    return 8;
  }

  @Override
  public boolean readable() {
    return counter != 0;
  }

  /**
   * Edge-triggered as wasmer's event notifications: readable when the counter is non-zero and
   * changed since the last report. A runtime that wakes itself through an event fd and never drains
   * it (tokio's waker) would otherwise see it ready on every poll and never wait for its timers.
   */
  @Override
  public boolean pollReadable() {
    if (counter == 0 || counter == lastPolled) {
      return false;
    }
    lastPolled = counter;
    return true;
  }
}
