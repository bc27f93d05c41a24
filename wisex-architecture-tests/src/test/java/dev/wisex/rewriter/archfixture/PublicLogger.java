package dev.wisex.rewriter.archfixture;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Breaks [loggers-are-private-static-final]. */
public final class PublicLogger {
  public final Logger log = LogManager.getLogger(PublicLogger.class);
}
