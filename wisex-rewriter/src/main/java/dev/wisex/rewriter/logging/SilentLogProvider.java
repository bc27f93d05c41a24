package dev.wisex.rewriter.logging;

import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.apache.logging.log4j.spi.Provider;

/**
 * Keeps the library silent when the application has chosen no Log4j2 backend: without a provider
 * Log4j's API prints {@code ERROR Log4j API could not find a logging provider} and then every ERROR
 * wisex logs. Its priority is below every real provider (log4j-core's is 10, log4j-to-slf4j's 15),
 * so an application that binds any logging backend gets wisex's messages there.
 */
public final class SilentLogProvider extends Provider {
  /** Lower than every provider Log4j ships, so any real backend wins. */
  static final int PRIORITY = 0;

  /** The Log4j API versions this provider implements (Log4j's own providers say the same). */
  private static final String API_VERSIONS = "2.6.0";

  private final LoggerContextFactory factory = new OneContextFactory(new SilentLoggerContext());

  /** Called by {@link java.util.ServiceLoader}. */
  public SilentLogProvider() {
    super(PRIORITY, API_VERSIONS);
  }

  @Override
  public LoggerContextFactory getLoggerContextFactory() {
    return factory;
  }
}
