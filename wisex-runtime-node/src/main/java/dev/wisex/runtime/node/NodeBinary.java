package dev.wisex.runtime.node;

import dev.wisex.runtime.spi.Availability;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code node} executable this backend starts: {@code WISEX_NODE} (or the system property
 * {@code wisex.node}) when set, else the first {@code node} on {@code PATH}; {@value #OFF} there
 * turns the backend off (the default selection then chooses among the JVM backends). Finding it
 * only looks at files, so that asking whether the backend is available costs no process start; its
 * version is asked of it once, when needed.
 */
final class NodeBinary {
  /** The oldest Node.js whose V8 runs what this backend claims (its {@code capabilities}). */
  static final int OLDEST_MAJOR = 20;

  /** The executable's file names on {@code PATH}: Windows adds an extension. */
  private static final String[] EXECUTABLES = {"node", "node.exe"};

  /** The value of {@code WISEX_NODE} that turns this backend off. */
  static final String OFF = "off";

  private NodeBinary() {}

  /** The executable, if there is one. */
  static Optional<Path> find() {
    String named = named();
    if (OFF.equals(named)) {
      return Optional.empty();
    }
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String name : EXECUTABLES) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static Availability availability() {
    String named = named();
    if (find().isPresent()) {
      return Availability.yes();
    }
    if (OFF.equals(named)) {
      return Availability.no("WISEX_NODE=off turns it off");
    }
    return Availability.no(
        named != null && !named.isBlank()
            ? "WISEX_NODE names `" + named + "`, which is not an executable file"
            : "Node.js is not on PATH (install Node.js "
                + OLDEST_MAJOR
                + " or later, or set WISEX_NODE to its `node`)");
  }

  private static String named() {
    return System.getProperty("wisex.node", System.getenv("WISEX_NODE"));
  }

  /** {@code node --version} without its {@code v}, or {@code unknown}; asked once per JVM. */
  static String version() {
    return Version.VALUE;
  }

  /** The major version in {@code version}, or -1. */
  static int major(String version) {
    int dot = version.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static final class Version {
    static final String VALUE = ask();

    private static String ask() {
      Optional<Path> node = find();
      if (node.isEmpty()) {
        return "unknown";
      }
      try {
        Process process =
            new ProcessBuilder(node.get().toString(), "--version")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
          process.destroyForcibly();
          return "unknown";
        }
        String line = out.strip();
        return line.startsWith("v") ? line.substring(1) : line;
      } catch (IOException e) {
        return "unknown";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "unknown";
      }
    }
  }
}
