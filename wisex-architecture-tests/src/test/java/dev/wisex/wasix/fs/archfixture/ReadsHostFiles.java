package dev.wisex.wasix.fs.archfixture;

import java.io.File;
import java.nio.file.Path;

/**
 * Breaks [sandbox-never-touches-host-files]: only the host tree copier reads the default file
 * system.
 */
public final class ReadsHostFiles {
  private ReadsHostFiles() {}

  public static Path etc() {
    return Path.of("/etc");
  }

  public static boolean exists(String name) {
    return new File(name).exists();
  }
}
