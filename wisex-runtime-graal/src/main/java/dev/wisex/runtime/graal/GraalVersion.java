package dev.wisex.runtime.graal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.graalvm.polyglot.Engine;

/**
 * The version of the GraalVM polyglot jars actually loaded; GraalWasm ships in lock step with them.
 * Read from the version file inside the polyglot jar, so that asking costs no engine start ({@code
 * Engine#getVersion} says "Development Build" for the Maven artifacts anyway).
 */
final class GraalVersion {
  static final String BUILT_AGAINST = "25.0.2";

  private static final String VERSION_FILE = "/META-INF/graalvm/org.graalvm.polyglot/version";

  private GraalVersion() {}

  static String get() {
    return Holder.VERSION;
  }

  private static String detect() {
    try (InputStream in = Engine.class.getResourceAsStream(VERSION_FILE)) {
      if (in == null) {
        return BUILT_AGAINST;
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .filter(v -> !v.isEmpty())
          .orElse(BUILT_AGAINST);
    } catch (IOException | RuntimeException | LinkageError e) {
      return BUILT_AGAINST;
    }
  }

  private static final class Holder {
    static final String VERSION = detect();
  }
}
