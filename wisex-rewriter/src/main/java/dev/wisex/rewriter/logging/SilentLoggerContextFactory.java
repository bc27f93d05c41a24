package dev.wisex.rewriter.logging;

import java.net.URI;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;

/** Hands out the one {@link SilentLoggerContext}, whatever the caller's class loader. */
final class SilentLoggerContextFactory implements LoggerContextFactory {
  private final SilentLoggerContext context = new SilentLoggerContext();

  @Override
  public LoggerContext getContext(
      String fqcn, ClassLoader loader, Object externalContext, boolean currentContext) {
    return context;
  }

  @Override
  public LoggerContext getContext(
      String fqcn,
      ClassLoader loader,
      Object externalContext,
      boolean currentContext,
      URI configLocation,
      String name) {
    return context;
  }

  @Override
  public void removeContext(LoggerContext removed) {
    // One shared context that holds nothing worth releasing.
  }

  @Override
  public boolean isClassLoaderDependent() {
    return false;
  }
}
