package dev.wisex.cli.logging;

import dev.wisex.rewriter.logging.LevelGatedLogger;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;

/**
 * One logger of {@link StderrLoggerContext}: an enabled event becomes {@code wisex: LEVEL message}
 * and the stack trace of its throwable, written to {@link System#err} in one piece so that lines of
 * concurrent threads do not interleave.
 */
final class StderrLogger extends LevelGatedLogger {
  private static final long serialVersionUID = 1L;

  /** Set by {@link StderrLoggerContext#setLevel} from another thread. */
  private volatile Level level;

  StderrLogger(String name, MessageFactory messageFactory, Level level) {
    super(name, messageFactory);
    this.level = level;
  }

  void setLevel(Level level) {
    this.level = level;
  }

  @Override
  public Level getLevel() {
    return level;
  }

  @Override
  protected boolean enabled(Level asked) {
    return asked.isMoreSpecificThan(level);
  }

  @Override
  public void logMessage(String fqcn, Level level, Marker marker, Message message, Throwable t) {
    System.err.print(line(level, message, t));
  }

  /** The text PatternLayout {@code wisex: %level %msg%n} makes of the event, trace included. */
  static String line(Level level, Message message, Throwable t) {
    StringWriter text = new StringWriter();
    text.append("wisex: ")
        .append(level.name())
        .append(' ')
        .append(message.getFormattedMessage())
        .append(System.lineSeparator());
    if (t != null) {
      t.printStackTrace(new PrintWriter(text));
    }
    return text.toString();
  }
}
