package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile cache between processes of {@code target/wisex.jar}: where it goes by default (the
 * XDG cache directory of the environment), that {@code --no-cache} writes nothing, and that
 * processes started together on the same module and the same empty cache all succeed with the same
 * output.
 */
class CompileCacheJarTest {
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  private static Path jar;
  private static Path primes;

  @BeforeAll
  static void locateJar() {
    String property = System.getProperty("wisex.jar");
    assertTrue(property != null, "system property wisex.jar is not set; run through Maven");
    jar = Path.of(property);
    assertTrue(Files.isRegularFile(jar), () -> jar + " does not exist; package first");
    primes =
        jar.toAbsolutePath().getParent().getParent().getParent().resolve("samples/primes.wasm");
  }

  @Test
  void byDefaultTheCacheIsInXdgCacheHomeAndNoCacheWritesNothing() throws Exception {
    Path xdg = dir.resolve("xdg");
    Path cached = dir.resolve("cached.wasm");
    Path uncached = dir.resolve("uncached.wasm");

    Child withCache = start(xdg, primes.toString(), "-o", cached.toString());
    assertFinished(withCache);
    assertEquals(1, entries(xdg.resolve("wisex")).size(), "one entry in $XDG_CACHE_HOME/wisex");

    Path other = dir.resolve("other-xdg");
    assertFinished(start(other, primes.toString(), "-o", uncached.toString(), "--no-cache"));
    assertFalse(Files.exists(other), "--no-cache creates no cache directory");
    assertArrayEquals(Files.readAllBytes(cached), Files.readAllBytes(uncached));
  }

  @Test
  void processesStartedTogetherOnAnEmptyCacheAllSucceed() throws Exception {
    Path xdg = dir.resolve("xdg");
    List<Child> processes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      processes.add(start(xdg, primes.toString(), "-o", dir.resolve(i + ".wasm").toString()));
    }
    for (Child p : processes) {
      assertFinished(p);
    }
    byte[] first = Files.readAllBytes(dir.resolve("0.wasm"));
    for (int i = 1; i < processes.size(); i++) {
      assertArrayEquals(first, Files.readAllBytes(dir.resolve(i + ".wasm")), "run " + i);
    }
    assertEquals(1, entries(xdg.resolve("wisex")).size());
    try (Stream<Path> files = Files.list(xdg.resolve("wisex/chicory"))) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  /** A started child and the file that receives its stdout and stderr. */
  private record Child(Process process, Path output) {}

  private Child start(Path xdgCacheHome, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dwisex.node=off"); // Chicory's compile cache is what is checked
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path output = Files.createTempFile(dir, "output", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.put("XDG_CACHE_HOME", xdgCacheHome.toString());
    return new Child(builder.start(), output);
  }

  private static void assertFinished(Child child) throws Exception {
    if (!child.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      child.process().destroyForcibly();
      fail("wisex did not finish within " + TIMEOUT_SECONDS + " s");
    }
    String output = Files.readString(child.output());
    assertEquals(0, child.process().exitValue(), output);
  }

  private static List<Path> entries(Path cacheDir) throws IOException {
    try (Stream<Path> files = Files.list(cacheDir.resolve("chicory"))) {
      return files.filter(f -> f.toString().endsWith(".classes")).toList();
    }
  }
}
