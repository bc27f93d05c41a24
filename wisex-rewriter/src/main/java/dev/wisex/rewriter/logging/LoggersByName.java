package dev.wisex.rewriter.logging;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.message.ParameterizedMessageFactory;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;

/**
 * A Log4j context that makes one logger per name and keeps it: what the library's silent context
 * and the CLI's stderr context share, so each says only what kind of logger it makes.
 *
 * @param <L> the loggers it makes
 */
public abstract class LoggersByName<L extends ExtendedLogger> implements LoggerContext {
  private final Map<String, L> loggers = new ConcurrentHashMap<>();

  /** The logger called {@code name}, whose messages {@code messageFactory} makes. */
  protected abstract L newLogger(String name, MessageFactory messageFactory);

  /** Every logger made so far. */
  protected final Collection<L> loggers() {
    return loggers.values();
  }

  @Override
  public Object getExternalContext() {
    return null;
  }

  @Override
  public ExtendedLogger getLogger(String name) {
    return getLogger(name, ParameterizedMessageFactory.INSTANCE);
  }

  @Override
  public ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
    return loggers.computeIfAbsent(
        name,
        n ->
            newLogger(
                n, messageFactory != null ? messageFactory : ParameterizedMessageFactory.INSTANCE));
  }

  @Override
  public boolean hasLogger(String name) {
    return loggers.containsKey(name);
  }

  @Override
  public boolean hasLogger(String name, MessageFactory messageFactory) {
    return hasLogger(name);
  }

  @Override
  public boolean hasLogger(String name, Class<? extends MessageFactory> messageFactoryClass) {
    return hasLogger(name);
  }
}
