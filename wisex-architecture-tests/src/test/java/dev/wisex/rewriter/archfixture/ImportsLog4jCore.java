package dev.wisex.rewriter.archfixture;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Breaks [log4j-core-only-in-cli]: libraries use the Log4j2 API only. */
public final class ImportsLog4jCore {
  private ImportsLog4jCore() {}

  public static void quiet() {
    Configurator.setRootLevel(Level.OFF);
  }
}
