package dev.wisex.rewriter.archfixture;

import org.apache.maven.plugin.logging.Log;

/** Breaks [maven-api-only-in-plugin]. */
public final class ImportsMavenApi {
  private ImportsMavenApi() {}

  public static void report(Log log) {
    log.info("the library logs through the Log4j2 API, not Maven's Log");
  }
}
