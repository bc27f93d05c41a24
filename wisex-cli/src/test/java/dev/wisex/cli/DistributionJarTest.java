package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the distribution tarball ({@code -Pdist}) into a temporary directory and runs {@code
 * bin/wisex} in an environment without any JDK: the tarball must bring everything it needs. Package
 * phase, like {@link WisexJarTest}; skipped (an assumption) when the build did not make a tarball.
 */
class DistributionJarTest {
  private static final long TIMEOUT_SECONDS = 120;
  private static final String JAVA_17 = "/usr/lib/jvm/java-17-openjdk-amd64";

  @TempDir static Path unpacked;
  @TempDir Path dir;

  private static Path root;
  private static Path launcher;

  @BeforeAll
  static void unpack() throws Exception {
    String tarball = System.getProperty("wisex.dist.tarball");
    assumeTrue(tarball != null, "no distribution in this build; ./mvnw verify -Pdist makes one");
    assertTrue(
        Files.isRegularFile(Path.of(tarball)), tarball + " is missing: -Pdist did not make it");
    Path jar = Path.of(System.getProperty("wisex.jar"));
    root = jar.toAbsolutePath().getParent().getParent().getParent();
    Run untar =
        run(
            List.of("tar", "-xzf", tarball, "-C", unpacked.toString()),
            Map.of("PATH", "/usr/bin:/bin"),
            unpacked);
    assertEquals(0, untar.exitCode(), untar.toString());
    try (Stream<Path> top = Files.list(unpacked)) {
      List<Path> entries = top.toList();
      assertEquals(1, entries.size(), "the tarball has one top directory: " + entries);
      launcher = entries.get(0).resolve("bin/wisex");
    }
    assertTrue(Files.isExecutable(launcher), "no executable bin/wisex in " + tarball);
  }

  /** What the child process produced. */
  private record Run(int exitCode, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out() + "\n--- stderr\n" + stderr;
    }
  }

  @Test
  void preinitializesTheSampleWithNoJdkOnThePath() throws Exception {
    Path sample = root.resolve("samples/primes.wasm");
    Path out = dir.resolve("primes.init.wasm");
    // PATH without any JDK (the launcher needs only sh) and no JAVA_HOME.
    Run r =
        run(
            List.of(launcher.toString(), sample.toString(), "-o", out.toString()),
            Map.of("PATH", "/nonexistent"),
            dir);
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.out(), "nothing but the module may reach stdout");
    // The same bytes as the jar this build made, run on the JDK running the tests.
    Run viaJar =
        run(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("wisex.jar"),
                sample.toString(),
                "-o",
                "-"),
            Map.of("PATH", "/usr/bin:/bin"),
            dir);
    assertEquals(0, viaJar.exitCode(), viaJar.toString());
    byte[] module = Files.readAllBytes(out);
    assertTrue(Samples.startsWithMagic(module), "not a module");
    assertFalse(
        java.util.Arrays.equals(Files.readAllBytes(sample), module), "init did not run: unchanged");
    assertArrayEquals(viaJar.stdout(), module);
  }

  @Test
  void theGraalBackendRunsOnTheBundledRuntime() throws Exception {
    // GraalWasm needs more of the JDK than Chicory (Truffle: jdk.unsupported, jdk.internal.vm.ci).
    Path sample = root.resolve("samples/primes.wasm");
    Run graal =
        run(
            List.of(launcher.toString(), "--runtime", "graal", sample.toString(), "-o", "-"),
            Map.of("PATH", "/nonexistent"),
            dir);
    assertEquals(0, graal.exitCode(), graal.stderr());
    assertEquals("", graal.stderr(), "Truffle or the JVM printed messages");
    Run chicory =
        run(
            List.of(launcher.toString(), "--runtime", "chicory", sample.toString(), "-o", "-"),
            Map.of("PATH", "/nonexistent"),
            dir);
    assertEquals(0, chicory.exitCode(), chicory.stderr());
    assertTrue(Samples.startsWithMagic(graal.stdout()), graal.toString());
    assertArrayEquals(chicory.stdout(), graal.stdout(), "the two backends' snapshots differ");
  }

  @Test
  void runsThroughASymlinkOnThePath() throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("wisex"), bin.relativize(launcher));
    Path sample = root.resolve("samples/primes.wasm");
    Run r =
        run(
            // sh looks wisex up on the child's PATH (ProcessBuilder would use this JVM's).
            List.of("/bin/sh", "-c", "exec wisex \"$0\" -o -", sample.toString()),
            Map.of("PATH", bin + ":/usr/bin:/bin"),
            dir);
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(Samples.startsWithMagic(r.stdout()), r.toString());
  }

  @Test
  void bringsItsOwnRuntimeWhereTheOnlyJavaIs17() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(JAVA_17, "bin/java")), "no Java 17 at " + JAVA_17);
    Run r =
        run(
            List.of(launcher.toString(), "--version"),
            Map.of("PATH", JAVA_17 + "/bin", "JAVA_HOME", JAVA_17),
            dir);
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("wisex " + versionOf(launcher)), r.toString());
    // The bundled runtime was jlinked from the JDK running this build (and these tests).
    assertTrue(
        r.out().contains("\nJava " + Runtime.version().feature() + "."),
        "--version names the bundled runtime, not Java 17:\n" + r);
  }

  @Test
  void theArchiveMapsOnTheBundledRuntime() throws Exception {
    // AOTMode=on (an AOT cache, runtime 25+) or -Xshare:on (a class-data-sharing archive) turns
    // "unusable" from a silent fallback into a failed start.
    Path lib = launcher.resolveSibling("../lib").normalize();
    boolean aot = Files.isRegularFile(lib.resolve("wisex.aot"));
    assertEquals(
        Runtime.version().feature() >= 25,
        aot,
        "a runtime of Java 25+ gets an AOT cache, an older one a class-data-sharing archive");
    String kind = aot ? ".aot" : ".jsa";
    assertTrue(Files.isRegularFile(lib.resolve("wisex-small" + kind)));
    String required = aot ? "-XX:AOTMode=on" : "-Xshare:on";
    Run r =
        run(
            List.of(launcher.toString(), "--version"),
            Map.of("PATH", "/nonexistent", "WISEX_JAVA_OPTS", required),
            dir);
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.stderr(), "the JVM printed messages");
    // A small module maps the small archive where wc(1) can measure it (archive-choice.sh), else
    // the full one.
    String logged = required + (aot ? " -Xlog:aot=info:stderr" : " -Xlog:cds=info:stderr");
    String sample = root.resolve("samples/primes.wasm").toString();
    for (String path : List.of("/usr/bin:/bin", "/nonexistent")) {
      Run small =
          run(
              List.of(launcher.toString(), sample, "-o", "-"),
              Map.of("PATH", path, "WISEX_JAVA_OPTS", logged),
              dir);
      assertEquals(0, small.exitCode(), small.toString());
      String expected = path.equals("/nonexistent") ? "wisex" : "wisex-small";
      assertTrue(small.stderr().contains("/lib/" + expected + kind), small.stderr());
    }
  }

  @Test
  void aStaleArchiveIsSkippedSilently() throws Exception {
    // A copy that does not keep modification times (cp -r) makes the jar newer than the archive
    // made
    // for it: the JVM must run without the archive, printing nothing, with the same output.
    Path home = launcher.getParent().getParent();
    Path copy = dir.resolve("copied");
    Run cp = run(List.of("/bin/cp", "-r", home.toString(), copy.toString()), Map.of(), dir);
    assertEquals(0, cp.exitCode(), cp.toString());
    Path sample = root.resolve("samples/primes.wasm");
    Run stale =
        run(
            List.of(copy.resolve("bin/wisex").toString(), sample.toString(), "-o", "-"),
            Map.of("PATH", "/nonexistent"),
            dir);
    assertEquals(0, stale.exitCode(), stale.stderr());
    assertEquals("", stale.stderr(), "the JVM printed messages about the stale archive");
    Run fresh =
        run(
            List.of(launcher.toString(), sample.toString(), "-o", "-"),
            Map.of("PATH", "/nonexistent"),
            dir);
    assertEquals(0, fresh.exitCode(), fresh.stderr());
    assertArrayEquals(fresh.stdout(), stale.stdout());
    // It was skipped, not used: required, it fails the start.
    boolean aot = Files.isRegularFile(copy.resolve("lib/wisex.aot"));
    Run required =
        run(
            List.of(copy.resolve("bin/wisex").toString(), "--version"),
            Map.of(
                "PATH", "/nonexistent", "WISEX_JAVA_OPTS", aot ? "-XX:AOTMode=on" : "-Xshare:on"),
            dir);
    assertTrue(required.exitCode() != 0, "the stale archive was used: " + required);
  }

  /** The version in the unpacked directory's name, wisex-VERSION. */
  private static String versionOf(Path launcher) {
    return launcher.getParent().getParent().getFileName().toString().substring("wisex-".length());
  }

  /** Runs a command with exactly the given environment (nothing inherited). */
  private static Run run(List<String> command, Map<String, String> env, Path cwd)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile(cwd, "stdout", ".bin");
    Path stderr = Files.createTempFile(cwd, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(cwd.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    byte[] out = Files.readAllBytes(stdout);
    String err = Files.readString(stderr);
    Files.delete(stdout);
    Files.delete(stderr);
    return new Run(process.exitValue(), out, err);
  }

  /**
   * With {@code --inherit-env}, init sees exactly the caller's environment, as under Wizer: the
   * launcher's sh added a {@code PWD} the caller never set (JavaScript toolchains run Wizer in a
   * small environment of their own).
   */
  @Test
  void initInheritsExactlyTheCallersEnvironment() throws Exception {
    Path module =
        Files.write(dir.resolve("env.wasm"), Wat.assemble(Samples.wat("wasi_print_env.wat")));
    Map<String, String> caller = Map.of("PATH", "/nonexistent", "WISEX_PROBE", "caller's value");
    Run r =
        run(
            List.of(
                launcher.toString(),
                module.toString(),
                "--allow-wasi",
                "--inherit-env=true",
                "-o",
                dir.resolve("env.init.wasm").toString()),
            caller,
            dir);
    assertEquals(0, r.exitCode(), r.toString());
    Map<String, String> seen = Samples.printedEnvironment(r.stdout());
    assertEquals(new TreeMap<>(caller), seen, "exactly the caller's environment");
  }
}
