package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the repository's {@code ./wisex} launcher on the built jar and the AOT cache or
 * class-data-sharing archive the build made next to it (package phase, like {@link WisexJarTest}):
 * the archive must map, and nothing the JVM logs may reach stdout, which carries the module with
 * {@code -o -}.
 */
class LauncherJarTest {
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  private static Path root;

  @BeforeAll
  static void locateLauncher() {
    Path jar = Path.of(System.getProperty("wisex.jar"));
    root = jar.toAbsolutePath().getParent().getParent().getParent();
    assertTrue(Files.isRegularFile(root.resolve("wisex")), "no launcher at " + root);
    String archive = aot() ? "wisex.aot" : "wisex.jsa";
    assertTrue(
        Files.isRegularFile(jar.resolveSibling(archive)),
        "the build did not make target/" + archive + " (wisex-cds-archive execution)");
  }

  /** A JDK 25+ build makes an AOT cache, an older one a class-data-sharing archive. */
  private static boolean aot() {
    return Runtime.version().feature() >= 25;
  }

  private record Run(int exitCode, byte[] stdout, String stderr) {}

  @Test
  void theArchiveMapsForTheJarItWasMadeFor() throws Exception {
    // AOTMode=on or -Xshare:on turns "archive unusable" from a silent fallback into a failed start.
    Run r =
        launcher(Map.of("WISEX_JAVA_OPTS", aot() ? "-XX:AOTMode=on" : "-Xshare:on"), "--version");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(new String(r.stdout(), StandardCharsets.UTF_8).startsWith("wisex "), r.stderr());
  }

  @Test
  void stdoutCarriesOnlyTheModule() throws Exception {
    Path sample = root.resolve("samples/primes.wasm");
    Path file = dir.resolve("primes.init.wasm");
    Run toFile = launcher(Map.of(), sample.toString(), "-o", file.toString());
    assertEquals(0, toFile.exitCode(), toFile.stderr());
    Run toStdout = launcher(Map.of(), sample.toString(), "-o", "-");
    assertEquals(0, toStdout.exitCode(), toStdout.stderr());
    assertArrayEquals(Files.readAllBytes(file), toStdout.stdout());
  }

  @Test
  void worksWhenSymlinkedOntoThePath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("wisex"), root.resolve("wisex"));
    Path out = dir.resolve("primes.init.wasm");

    Run r =
        launcher(link, Map.of(), root.resolve("samples/primes.wasm").toString(), "-o", "" + out);

    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(Files.size(out) > 8, r.stderr());
    Files.delete(link);
  }

  @Test
  void theJvmsOwnMessagesGoToStderr() throws Exception {
    // A plain `java` prints this error about the archive on stdout.
    String missing = dir.resolve("missing.jsa").toString();
    Path sample = root.resolve("samples/primes.wasm");
    Run r =
        launcher(
            Map.of("WISEX_CDS", "0", "WISEX_JAVA_OPTS", "-XX:SharedArchiveFile=" + missing),
            sample.toString(),
            "-o",
            "-");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stderr().contains("shared archive"), r.stderr());
    assertArrayEquals(
        new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00},
        java.util.Arrays.copyOf(r.stdout(), 8));
  }

  private Run launcher(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return launcher(root.resolve("wisex"), env, args);
  }

  private Run launcher(Path script, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(dir, "stdout", ".bin");
    Path stderr = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    // The JVM running the tests is 21+; the launcher takes JAVA_HOME when it is.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("WISEX_JAVA_OPTS");
    builder.environment().remove("WISEX_CDS");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(
          "./wisex " + String.join(" ", args) + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new Run(process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
  }
}
