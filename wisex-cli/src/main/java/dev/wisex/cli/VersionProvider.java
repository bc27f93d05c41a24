package dev.wisex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code --version}: wisex's version and the Java running it, since both matter in a
 * bug report.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "wisex " + wisexVersion(),
      "Java "
          + Runtime.version()
          + " ("
          + System.getProperty("java.vm.vendor")
          + ", "
          + System.getProperty("java.vm.name")
          + ")"
    };
  }

  /**
   * From the jar manifest's Implementation-Version when running from {@code wisex.jar}; from a
   * resource Maven filtered when the classes run elsewhere (tests, a module path), where no
   * manifest applies.
   */
  static String wisexVersion() {
    String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
    if (fromManifest != null) {
      return fromManifest;
    }
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
