package dev.wisex.cli.logging;

import dev.wisex.rewriter.logging.LoggersByName;
import dev.wisex.rewriter.logging.OneContextFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContextFactory;

/**
 * The command's loggers when no Log4j configuration file is asked for: every enabled event is one
 * {@code wisex: LEVEL message} line on {@link System#err} (as it is at the time, so in-process
 * tests can capture it), followed by the stack trace of its throwable, as {@code StderrLogging}
 * configures log4j-core. The root level is {@link Level#WARN}; {@link #setLevel} changes a logger
 * and the loggers under it, like {@code Configurator.setLevel}.
 */
public final class StderrLoggerContext extends LoggersByName<StderrLogger> {
  /** Hands out the one context, whatever the caller's class loader. */
  private static final StderrLoggerContext INSTANCE = new StderrLoggerContext();

  static final LoggerContextFactory FACTORY = new OneContextFactory(INSTANCE);

  private static final Level ROOT_LEVEL = Level.WARN;

  /** Levels set by name; a logger takes the level of its nearest named ancestor. */
  private final Map<String, Level> levels = new ConcurrentHashMap<>();

  private StderrLoggerContext() {}

  /** Sets the level of the logger {@code name} and of every logger under it without its own. */
  public synchronized void setLevel(String name, Level level) {
    levels.put(name, level);
    loggers().forEach(logger -> logger.setLevel(levelOf(logger.getName())));
  }

  /**
   * The level of the nearest ancestor (by dotted name) with a level of its own; else the root's.
   */
  Level levelOf(String name) {
    for (String n = name; ; n = n.substring(0, n.lastIndexOf('.'))) {
      Level level = levels.get(n);
      if (level != null) {
        return level;
      }
      if (n.lastIndexOf('.') < 0) {
        return ROOT_LEVEL;
      }
    }
  }

  @Override
  protected StderrLogger newLogger(String name, MessageFactory messageFactory) {
    return new StderrLogger(name, messageFactory, levelOf(name));
  }

  /** Made under the lock {@link #setLevel} takes, so a new logger never misses a level change. */
  @Override
  public synchronized ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
    return super.getLogger(name, messageFactory);
  }
}
