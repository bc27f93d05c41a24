package dev.wisex.rewriter.logging;

import org.apache.logging.log4j.message.MessageFactory;

/** Hands out {@link SilentLogger}s, one per name. */
final class SilentLoggerContext extends LoggersByName<SilentLogger> {
  @Override
  protected SilentLogger newLogger(String name, MessageFactory messageFactory) {
    return new SilentLogger(name, messageFactory);
  }
}
