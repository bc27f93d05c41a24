package dev.wisex.runtime.graal;

import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.EngineJars;
import java.util.List;

/**
 * The versions of the GraalVM polyglot and Truffle jars actually loaded; GraalWasm ships in lock
 * step with them, and an application's own GraalVM dependencies (GraalJS, say) win over wisex's in
 * Maven. Read from the version files inside the jars, so that asking costs no engine start ({@code
 * Engine#getVersion} says "Development Build" for the Maven artifacts anyway).
 */
final class GraalVersion {
  static final String BUILT_AGAINST = "25.0.2";

  private GraalVersion() {}

  /** The polyglot jar's version, or the one wisex was built against where it cannot say. */
  static String get() {
    return Holder.VERSION;
  }

  /**
   * Whether the polyglot API, Truffle and the wasm language are of one release this backend was
   * built for ({@link EngineJars}); the language's jar states its version in its manifest only.
   */
  static Availability availability() {
    return Holder.AVAILABILITY;
  }

  private static List<EngineJars.Jar> jars() {
    ClassLoader loader = GraalVersion.class.getClassLoader();
    return List.of(
        EngineJars.versionFile(
            "org.graalvm.polyglot.Engine",
            loader,
            "org.graalvm.polyglot:polyglot",
            "/META-INF/graalvm/org.graalvm.polyglot/version"),
        EngineJars.versionFile(
            "com.oracle.truffle.api.TruffleLanguage",
            loader,
            "org.graalvm.truffle:truffle-api",
            "/META-INF/graalvm/org.graalvm.truffle/version"),
        EngineJars.manifestSection(
            "org.graalvm.wasm.WasmLanguage",
            loader,
            "org.graalvm.wasm:wasm-language",
            "wasm-language"));
  }

  private static final class Holder {
    static final List<EngineJars.Jar> JARS = jars();
    static final String VERSION = JARS.get(0).version().orElse(BUILT_AGAINST);
    static final Availability AVAILABILITY = EngineJars.check("GraalVM", BUILT_AGAINST, JARS);
  }
}
