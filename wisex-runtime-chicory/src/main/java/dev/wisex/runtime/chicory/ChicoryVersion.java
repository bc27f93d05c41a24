package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.Instance;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.util.Optional;
import java.util.Properties;

/**
 * The version of the Chicory jar actually loaded, which may differ from the one wisex was built
 * against.
 */
final class ChicoryVersion {
  static final String BUILT_AGAINST = "1.7.5";

  private static final String POM_PROPERTIES =
      "/META-INF/maven/com.dylibso.chicory/runtime/pom.properties";

  private ChicoryVersion() {}

  static String get() {
    return Holder.VERSION;
  }

  // On the module path the descriptor knows the version; on the class path Chicory is an unnamed
  // module, so the Maven metadata inside the jar is the next best source.
  private static String detect() {
    return fromModuleDescriptor().or(ChicoryVersion::fromPomProperties).orElse(BUILT_AGAINST);
  }

  private static Optional<String> fromModuleDescriptor() {
    ModuleDescriptor descriptor = Instance.class.getModule().getDescriptor();
    return descriptor == null ? Optional.empty() : descriptor.rawVersion();
  }

  private static Optional<String> fromPomProperties() {
    try (InputStream in = Instance.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version")).filter(v -> !v.isBlank());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static final class Holder {
    static final String VERSION = detect();
  }
}
