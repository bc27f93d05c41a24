package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    for (String archive : List.of(archive(""), archive("-small"))) {
      assertTrue(
          Files.isRegularFile(jar.resolveSibling(archive)),
          "the build did not make target/" + archive + " (wisex-cds-archive execution)");
    }
  }

  /** The file name of the full ({@code ""}) or small ({@code "-small"}) archive of this JDK. */
  private static String archive(String scope) {
    return "wisex" + scope + (aot() ? ".aot" : ".jsa");
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
  void aCommandLineOfSmallFilesMapsTheSmallArchiveAnyOtherTheFullOne() throws Exception {
    Path small = root.resolve("samples/primes.wasm");
    // A module of 256 KiB (a custom section): its code could be large enough for GraalWasm.
    Path large = dir.resolve("large.wasm");
    byte[] module = new byte[256 << 10];
    byte[] header = {0, 'a', 's', 'm', 1, 0, 0, 0, 0, (byte) 0xf4, (byte) 0xff, 0x0f, 1, 'x'};
    System.arraycopy(header, 0, module, 0, header.length);
    Files.write(large, module);

    assertMaps(archive("-small"), small.toString(), "--list-runtimes");
    assertMaps(archive(""), large.toString(), "--list-runtimes");
    assertMaps(archive(""), "--version");
    assertMaps(archive(""), small.toString(), "--runtime", "graal", "--list-runtimes");
    assertMaps(archive(""), small.toString(), "--cross-check", "--list-runtimes");
    assertMaps(archive("-small"), small.toString(), "--runtime=chicory", "--list-runtimes");
  }

  /** Runs the launcher requiring an archive, and checks it mapped {@code expected}. */
  private void assertMaps(String expected, String... args) throws Exception {
    String log =
        aot() ? "-XX:AOTMode=on -Xlog:aot=info:stderr" : "-Xshare:on -Xlog:cds=info:stderr";
    Run r = launcher(Map.of("WISEX_JAVA_OPTS", log), args);
    assertEquals(0, r.exitCode(), r.stderr());
    String other = expected.equals(archive("")) ? archive("-small") : archive("");
    assertTrue(
        r.stderr().contains("/" + expected) && !r.stderr().contains("/" + other),
        String.join(" ", args) + " should map " + expected + ":\n" + r.stderr());
  }

  @Test
  void theSmallArchiveIsForFilesUnderTheSizeBelowWhichTheDefaultRunsChicory() throws Exception {
    Path under = Files.write(dir.resolve("under.wasm"), new byte[(256 << 10) - 1]);
    Path at = Files.write(dir.resolve("at.wasm"), new byte[256 << 10]);
    String script = root.resolve("wisex-cli/src/dist/lib/archive-choice.sh").toString();
    assertEquals("-small", suffix(script, under.toString(), "-o", dir + "/absent.wasm"));
    assertEquals("", suffix(script, at.toString()));
    assertEquals("", suffix(script, under.toString(), at.toString()));
    assertEquals("", suffix(script, "-o", dir + "/absent.wasm"));
    assertEquals("-small", suffix(script, "--runtime", "chicory", under.toString()));
    assertEquals("", suffix(script, "--runtime", "graal", under.toString()));
    assertEquals("", suffix(script, "--runtime=graal", under.toString()));
    // The size it tells apart is the default's: code under 256 KiB runs on Chicory.
    Run list = launcher(Map.of(), "--list-runtimes");
    assertTrue(
        new String(list.stdout(), StandardCharsets.UTF_8).contains("code under 256 KiB"),
        new String(list.stdout(), StandardCharsets.UTF_8));
  }

  /** What {@code archive_suffix} prints for {@code args}, run by the POSIX shell. */
  private String suffix(String script, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("sh", "-c", ". \"$0\" && archive_suffix \"$@\"", script));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), out);
    return out.strip();
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
  void devStdoutCarriesOnlyTheModuleToo() throws Exception {
    // Init prints a line; written through -o /dev/stdout, it must not precede the module.
    Path module =
        Files.write(dir.resolve("hello.wasm"), Wat.assemble(Samples.wat("wasi_hello.wat")));
    Path file = dir.resolve("hello.init.wasm");
    Run toFile = launcher(Map.of(), module.toString(), "--allow-wasi", "-o", file.toString());
    assertEquals(0, toFile.exitCode(), toFile.stderr());
    Run toDev = launcher(Map.of(), module.toString(), "--allow-wasi", "-o", "/dev/stdout");
    assertEquals(0, toDev.exitCode(), toDev.stderr());
    assertArrayEquals(Files.readAllBytes(file), toDev.stdout());
    assertTrue(toDev.stderr().contains("hello from init"), toDev.stderr());
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

  @Test
  void initInheritsTheCallersEnvironmentNotTheLaunchers() throws Exception {
    // The launcher finds a JDK by exporting JAVA_HOME and putting its bin/ first on PATH; with
    // --inherit-env, init must see the caller's values, as under Wizer.
    Path module =
        Files.write(dir.resolve("env.wasm"), Wat.assemble(Samples.wat("wasi_print_env.wat")));
    Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "WISEX_PROBE", "caller's value");
    Map<String, String> caller = new HashMap<>(launcherEnvironment(env));
    // Without what a shell would have added, so that the launcher's own bash adding it shows.
    for (String shells : List.of("PWD", "OLDPWD", "SHLVL", "_")) {
      caller.remove(shells);
    }
    Run r =
        launcherIn(
            caller,
            module.toString(),
            "--allow-wasi",
            "--inherit-env=true",
            "--inherit-stdio=true",
            "-o",
            dir.resolve("env.init.wasm").toString());
    assertEquals(0, r.exitCode(), r.stderr());
    Map<String, String> seen = Samples.printedEnvironment(r.stdout());
    assertEquals(new TreeMap<>(caller), seen, "exactly the caller's environment");
  }

  /**
   * Without a locale (no LANG or LC_*: a minimal environment a build tool spawns), non-ASCII text
   * reached init mangled (café.js as caf??.js) and a non-ASCII file name failed, where Wizer works;
   * the JVM gets a UTF-8 locale, which init does not see.
   */
  @Test
  void nonAsciiTextSurvivesWithoutALocale() throws Exception {
    Path module =
        Files.write(dir.resolve("é.wasm"), Wat.assemble(Samples.wat("wasi_print_env.wat")));
    Map<String, String> caller = new HashMap<>();
    caller.put("PATH", "/usr/bin:/bin");
    caller.put("JAVA_HOME", System.getProperty("java.home"));
    caller.put("SOURCE_NAME", "café.js");
    Path out = dir.resolve("ö.wasm");
    Run r =
        launcherIn(
            caller,
            module.toString(),
            "--allow-wasi",
            "--inherit-env=true",
            "--env",
            "BAR=ü",
            "-o",
            out.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(Files.isRegularFile(out), "the output under its non-ASCII name");
    Map<String, String> seen = Samples.printedEnvironment(r.stdout());
    Map<String, String> expected = new TreeMap<>(caller);
    expected.put("BAR", "ü");
    assertEquals(expected, seen, "the caller's environment and --env, in UTF-8, and no locale");
  }

  /**
   * A large environment (1.2 MB) still starts the JVM: the launcher once handed the caller's
   * environment to env(1) as arguments, which the system's argument limit refused (exit 126).
   */
  @Test
  void aLargeEnvironmentStillRuns() throws Exception {
    Map<String, String> caller = new HashMap<>(launcherEnvironment(Map.of()));
    for (int i = 0; i < 12; i++) {
      caller.put("WISEX_LARGE_" + i, String.valueOf((char) ('a' + i)).repeat(100_000));
    }
    Path out = dir.resolve("primes.init.wasm");
    Run r =
        launcherIn(caller, root.resolve("samples/primes.wasm").toString(), "-o", out.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(Samples.startsWithMagic(Files.readAllBytes(out)), "a module was written");
  }

  private Run launcher(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return launcher(root.resolve("wisex"), env, args);
  }

  /** This JVM's environment with {@code env} over it, as {@link #launcher} runs the launcher in. */
  private static Map<String, String> launcherEnvironment(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(System.getenv());
    // The JVM running the tests is 21+; the launcher takes JAVA_HOME when it is.
    all.put("JAVA_HOME", System.getProperty("java.home"));
    all.remove("WISEX_JAVA_OPTS");
    all.remove("WISEX_CDS");
    all.putAll(env);
    return all;
  }

  private Run launcher(Path script, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return launcherIn(script, launcherEnvironment(env), args);
  }

  private Run launcherIn(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    return launcherIn(root.resolve("wisex"), environment, args);
  }

  /** The launcher {@code script} run by bash in exactly {@code environment}. */
  private Run launcherIn(Path script, Map<String, String> environment, String... args)
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
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(
          "./wisex " + String.join(" ", args) + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new Run(process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
  }
}
