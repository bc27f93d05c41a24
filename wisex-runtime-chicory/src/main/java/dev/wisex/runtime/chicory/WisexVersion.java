package dev.wisex.runtime.chicory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This backend's version, from a resource Maven filtered: part of every compile-cache key. */
final class WisexVersion {
  private WisexVersion() {}

  static String get() {
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
