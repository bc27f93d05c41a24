package dev.wisex.rewriter.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.spi.AbstractLogger;

/**
 * A Log4j logger whose every {@code isEnabled} overload asks one question, {@link #enabled}: the
 * library's silent logger and the CLI's stderr logger differ only in that answer and in what they
 * do with an enabled event, so the fourteen overloads {@link AbstractLogger} leaves open are
 * written once, here.
 */
public abstract class LevelGatedLogger extends AbstractLogger {
  private static final long serialVersionUID = 1L;

  protected LevelGatedLogger(String name, MessageFactory messageFactory) {
    super(name, messageFactory);
  }

  /** Whether an event at {@code level} is logged. */
  protected abstract boolean enabled(Level level);

  @Override
  public boolean isEnabled(Level level, Marker marker, Message message, Throwable t) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, CharSequence message, Throwable t) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, Object message, Throwable t) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Throwable t) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Object... params) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Object p0) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level, Marker marker, String message, Object p0, Object p1, Object p2) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5,
      Object p6) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5,
      Object p6,
      Object p7) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5,
      Object p6,
      Object p7,
      Object p8) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5,
      Object p6,
      Object p7,
      Object p8,
      Object p9) {
    return enabled(level);
  }
}
