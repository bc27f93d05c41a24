package dev.wisex.rewriter.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;

/**
 * A logger off at every level. Written out rather than Log4j's {@code SimpleLogger} at {@code OFF},
 * whose constructor drags in a class the compiler warns about (an OSGi annotation it lacks).
 */
final class SilentLogger extends LevelGatedLogger {
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
  protected boolean enabled(Level level) {
    return false;
  }
}
