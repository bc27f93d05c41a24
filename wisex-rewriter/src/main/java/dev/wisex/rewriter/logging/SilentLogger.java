package dev.wisex.rewriter.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.spi.AbstractLogger;

/**
 * A logger off at every level. Written out rather than Log4j's {@code SimpleLogger} at {@code OFF},
 * whose constructor drags in a class the compiler warns about (an OSGi annotation it lacks).
 */
final class SilentLogger extends AbstractLogger {
  private static final long serialVersionUID = 1L;

  SilentLogger(String name, MessageFactory messageFactory) {
    super(name, messageFactory);
  }

  @Override
  public Level getLevel() {
    return Level.OFF;
  }

  @Override
  public void logMessage(String fqcn, Level level, Marker marker, Message message, Throwable t) {
    // Never called: isEnabled is false for every level.
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, Message message, Throwable t) {
    return false;
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, CharSequence message, Throwable t) {
    return false;
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, Object message, Throwable t) {
    return false;
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Throwable t) {
    return false;
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message) {
    return false;
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Object... params) {
    return false;
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Object p0) {
    return false;
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1) {
    return false;
  }

  @Override
  public boolean isEnabled(
      Level level, Marker marker, String message, Object p0, Object p1, Object p2) {
    return false;
  }

  @Override
  public boolean isEnabled(
      Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3) {
    return false;
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
    return false;
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
    return false;
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
    return false;
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
    return false;
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
    return false;
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
    return false;
  }
}
