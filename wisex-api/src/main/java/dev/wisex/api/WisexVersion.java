package dev.wisex.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * This build's version, from a resource Maven filtered, so it is known wherever the classes run (a
 * jar, a module path, tests): the CLI prints it and backends key their compile caches with it.
 */
public final class WisexVersion {
  private WisexVersion() {}

  /** The version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown} if the resource is missing. */
  public static String get() {
    return Holder.VERSION;
  }

  private static String read() {
    try (InputStream in = WisexVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static final class Holder {
    static final String VERSION = read();
  }
}
