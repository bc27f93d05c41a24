package dev.wisex.rewriter.logging;

import java.net.URI;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;

/**
 * Hands out one context whatever the caller's class loader: a provider of wisex's own (the
 * library's silent one, the CLI's stderr one) serves a single context for the life of the process.
 */
public final class OneContextFactory implements LoggerContextFactory {
  private final LoggerContext context;

  public OneContextFactory(LoggerContext context) {
    this.context = context;
  }

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
    // One shared context, kept for the life of the process.
  }

  @Override
  public boolean isClassLoaderDependent() {
    return false;
  }
}
