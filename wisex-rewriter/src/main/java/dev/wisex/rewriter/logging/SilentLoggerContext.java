package dev.wisex.rewriter.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.message.ParameterizedMessageFactory;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;

/** Hands out {@link SilentLogger}s, one per name. */
final class SilentLoggerContext implements LoggerContext {
  private final Map<String, ExtendedLogger> loggers = new ConcurrentHashMap<>();

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
    return loggers.computeIfAbsent(name, n -> silentLogger(n, messageFactory));
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

  private static ExtendedLogger silentLogger(String name, MessageFactory messageFactory) {
    return new SilentLogger(name, messageFactory);
  }
}
