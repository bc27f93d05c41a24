package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A program run in a JVM of its own, for tests of what an application sees that this test JVM
 * cannot show: another class or module path, no logging backend, other jars of an engine.
 */
final class ChildJvm {
  private static final int TIMEOUT_SECONDS = 120;

  private ChildJvm() {}

  /** How a child ended: its exit code and what it wrote to stdout and stderr. */
  record Ended(int exitCode, String stdout, String stderr) {}

  /** {@code tool} of this JVM's own JDK ({@code java}, {@code javac}). */
  static String tool(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  /**
   * This test's own class and module path as one list: the test classes (on the module path they
   * are patched in, on no path property) and every entry once.
   */
  static List<String> testPath() {
    String testClasses;
    try {
      testClasses =
          Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String joined =
        Stream.concat(
                Stream.of(testClasses),
                Stream.of("jdk.module.path", "java.class.path").map(System::getProperty))
            .filter(p -> p != null && !p.isEmpty())
            .collect(Collectors.joining(File.pathSeparator));
    return Arrays.stream(joined.split(File.pathSeparator))
        .filter(e -> !e.isEmpty())
        .distinct()
        .collect(Collectors.toCollection(ArrayList::new));
  }

  /** Runs {@code command} with its output in {@code dir}, and waits for it. */
  static Ended run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile(dir, "stdout", ".txt");
    Path stderr = Files.createTempFile(dir, "stderr", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), command.get(0) + " finished");
    return new Ended(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
