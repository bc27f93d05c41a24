package dev.wisex.runtime.chicory;

import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.EngineJars;
import java.util.List;

/**
 * The versions of the Chicory jars actually loaded, which may differ from the one wisex was built
 * against: an application's own Chicory dependency wins in Maven.
 */
final class ChicoryVersion {
  static final String BUILT_AGAINST = "1.7.5";

  private static final String GROUP = "com.dylibso.chicory";

  private ChicoryVersion() {}

  /**
   * The version of Chicory's runtime jar, or the one wisex was built against where it cannot say.
   */
  static String get() {
    return Holder.VERSION;
  }

  /** Whether the loaded jars are of one release this backend was built for ({@link EngineJars}). */
  static Availability availability() {
    return Holder.AVAILABILITY;
  }

  private static List<EngineJars.Jar> jars() {
    return List.of(
        jar("com.dylibso.chicory.runtime.Instance", "runtime"),
        jar("com.dylibso.chicory.wasm.Parser", "wasm"),
        jar("com.dylibso.chicory.compiler.MachineFactoryCompiler", "compiler"));
  }

  private static EngineJars.Jar jar(String anchor, String artifactId) {
    return EngineJars.mavenJar(anchor, ChicoryVersion.class.getClassLoader(), GROUP, artifactId);
  }

  private static final class Holder {
    static final List<EngineJars.Jar> JARS = jars();
    static final String VERSION = JARS.get(0).version().orElse(BUILT_AGAINST);
    static final Availability AVAILABILITY = EngineJars.check("Chicory", BUILT_AGAINST, JARS);
  }
}
