package dev.wisex.maven.archfixture;

import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import org.apache.maven.plugin.logging.Log;

/** On the allowed side of [maven-api-only-in-plugin] and [maven-plugin-uses-the-library-api]. */
public final class PluginLogsThroughMaven {
  private PluginLogsThroughMaven() {}

  public static byte[] run(Log log, byte[] module) {
    log.info("pre-initializing");
    return new Preinitializer(WisexOptions.defaults()).preinitialize(module).module();
  }
}
