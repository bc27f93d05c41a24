package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code target/wisex.jar} as a user would, in a child JVM. Bound to the {@code
 * package} phase (execution {@code jar-tests} in this module's pom), after the jar is built; a
 * missing jar fails.
 */
class WisexJarTest {
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  private static Path jar;

  @BeforeAll
  static void locateJar() {
    String property = System.getProperty("wisex.jar");
    assertTrue(property != null, "system property wisex.jar is not set; run through Maven");
    jar = Path.of(property);
    assertTrue(
        Files.isRegularFile(jar),
        () -> jar + " does not exist; the shade plugin must run before these tests");
  }

  /** What the child process produced. */
  private record Run(int exitCode, byte[] stdout, String stderr) {
    @Override
    public String toString() {
      return "exit "
          + exitCode
          + "\n--- stdout\n"
          + new String(stdout, StandardCharsets.UTF_8)
          + "\n--- stderr\n"
          + stderr;
    }
  }

  @Test
  void helpExitsZero() throws Exception {
    Run r = wisex(new byte[0], "--help");

    assertEquals(0, r.exitCode(), r::toString);
    String help = new String(r.stdout(), StandardCharsets.UTF_8);
    assertTrue(help.startsWith("Usage: wisex"), r::toString);
    assertTrue(help.contains("Examples:"), r::toString);
    assertEquals("", r.stderr(), "no logging or Log4j status output");
  }

  @Test
  void versionComesFromTheManifest() throws Exception {
    Run r = wisex(new byte[0], "--version");

    assertEquals(0, r.exitCode(), r::toString);
    String version = new String(r.stdout(), StandardCharsets.UTF_8);
    assertTrue(
        version.startsWith("wisex " + VersionProvider.wisexVersion() + System.lineSeparator()),
        r::toString);
  }

  @Test
  void listsTheBundledBackend() throws Exception {
    Run r = wisex(new byte[0], "--list-runtimes");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(new String(r.stdout(), StandardCharsets.UTF_8).startsWith("chicory "), r::toString);
  }

  @Test
  void preinitializesAFile() throws Exception {
    byte[] input = Samples.counter();
    Path in = Files.write(dir.resolve("counter.wasm"), input);
    Path out = dir.resolve("out.wasm");

    Run r = wisex(new byte[0], in.toString(), "-o", out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.stderr(), r::toString);
    assertEquals(0, r.stdout().length, r::toString);
    byte[] output = Files.readAllBytes(out);
    assertTrue(Samples.startsWithMagic(output), "output is not a wasm module");
    assertFalse(Arrays.equals(input, output), "output equals input");
  }

  @Test
  void pipesStdinToStdoutUnchangedByLogging() throws Exception {
    byte[] input = Samples.counter();
    Path in = Files.write(dir.resolve("counter.wasm"), input);
    Path out = dir.resolve("out.wasm");
    Run viaFile = wisex(new byte[0], in.toString(), "-o", out.toString());

    Run viaPipe = wisex(input, "-vv");

    assertEquals(0, viaFile.exitCode(), viaFile::toString);
    assertEquals(0, viaPipe.exitCode(), viaPipe::toString);
    assertArrayEquals(
        Files.readAllBytes(out), viaPipe.stdout(), "stdout carries exactly the module");
    assertTrue(viaPipe.stderr().contains("wisex: INFO "), viaPipe::toString);
    assertTrue(viaPipe.stderr().contains("wisex: TRACE options: "), "-vv dumps the options");
    assertFalse(viaPipe.stderr().contains("Stream@"), "no Java object names: " + viaPipe);
  }

  @Test
  void oneVShowsTheStagesWithoutTheOptionsDump() throws Exception {
    Path in = dir.resolve("primes.wasm");
    Files.copy(
        Path.of(jar.getParent().getParent().getParent().toString(), "samples/primes.wasm"), in);

    Run r = wisex(new byte[0], in.toString(), "-o", dir.resolve("out.wasm").toString(), "-v");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("wisex: DEBUG calling `wizex.initialize`"), r::toString);
    assertTrue(r.stderr().contains("wisex: INFO "), r::toString);
    assertFalse(r.stderr().contains("options: "), r::toString);
  }

  @Test
  void garbageInputIsOneErrorLineAndNoOutput() throws Exception {
    Path in = Files.writeString(dir.resolve("garbage.wasm"), "not wasm at all");
    Path out = dir.resolve("out.wasm");

    Run r = wisex(new byte[0], in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    List<String> lines = r.stderr().lines().toList();
    assertEquals(1, lines.size(), r::toString);
    assertTrue(lines.getFirst().startsWith("error: "), r::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void wasiSandboxWorksFromTheJar() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("input.txt"), "read in the jar");
    Path in =
        Files.write(
            dir.resolve("read.wasm"),
            dev.wisex.testkit.Wat.assemble(Samples.wat("wasi_read_file.wat")));

    Run r = wisex(new byte[0], "--allow-wasi", "--mapdir", "/data::" + data, in.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(Samples.containsName(r.stdout(), "read in the jar"), r::toString);
  }

  /**
   * Issue 18: running out of heap within the documented limits (init grows a memory to 512 MiB,
   * under the default --max-memory of 4 GiB, on a 128 MiB heap) is one line that names the limit to
   * raise. (A memory that starts that large fails before init: {@code HeapPlanJarTest}.)
   */
  @Test
  void outOfHeapNamesTheLimitToRaise() throws Exception {
    Path in =
        Files.write(
            dir.resolve("big.wasm"),
            dev.wisex.testkit.Wat.assemble(
                "(module (memory 1) (func (export \"wizex.initialize\")"
                    + " (drop (memory.grow (i32.const 8191))) (i32.store (i32.const 0) (i32.const 1))))"));
    Path out = dir.resolve("out.wasm");

    // On a JVM backend, whose memory lives in the heap (V8 keeps it in Node and runs this).
    Run r =
        wisex(
            List.of("-Xmx128m", "-Dwisex.node=off"),
            new byte[0],
            in.toString(),
            "-o",
            out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(1, r.stderr().strip().lines().count(), r::toString);
    assertTrue(
        r.stderr().contains("ran out of memory") && r.stderr().contains("-Xmx"), r::toString);
    assertFalse(r.stderr().contains("internal error"), r::toString);
    assertFalse(Files.exists(out));
  }

  /**
   * Issue 18's class of bugs: generated hostile modules (huge counts) under a small heap and a
   * wall-clock bound end with exit 0, or exit 1 and one line naming the cause; never an internal
   * error, never a hang. The slow ones (inside Chicory) are stopped by --timeout.
   */
  @Test
  void hostileModulesUnderASmallHeapEndWithinTheirBound() throws Exception {
    assertEachEndsWithinItsBound(
        List.of(
            new Hostile("exports", dev.wisex.testkit.HostileModules.exports(100_000), "20s"),
            new Hostile("globals", dev.wisex.testkit.HostileModules.mutableGlobals(100_000), "20s"),
            // Both run on GraalWasm by default (Chicory's compiler is superlinear on them).
            new Hostile("br_table", dev.wisex.testkit.HostileModules.brTable(1_000_000), "20s"),
            new Hostile("types", dev.wisex.testkit.HostileModules.types(100_000), "20s")));
  }

  /** As above for deep nesting, a deep operand stack and a huge section. */
  @Test
  void deepAndHugeModulesUnderASmallHeapEndWithinTheirBound() throws Exception {
    assertEachEndsWithinItsBound(
        List.of(
            new Hostile("nesting", dev.wisex.testkit.HostileModules.nestedBlocks(100_000), "20s"),
            new Hostile("stack", dev.wisex.testkit.HostileModules.deepOperandStack(100_000), "20s"),
            new Hostile(
                "custom", dev.wisex.testkit.HostileModules.hugeCustomSection(32 << 20), "20s")));
  }

  private record Hostile(String name, byte[] module, String timeout) {}

  private void assertEachEndsWithinItsBound(List<Hostile> modules) throws Exception {
    for (Hostile h : modules) {
      Path in = Files.write(dir.resolve(h.name() + ".wasm"), h.module());
      long start = System.nanoTime();
      Run r =
          wisex(
              launcherFlags("-Xmx512m"),
              new byte[0],
              "--timeout",
              h.timeout(),
              in.toString(),
              "-o",
              dir.resolve(h.name() + ".out.wasm").toString());
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertTrue(r.exitCode() == 0 || r.exitCode() == 1, () -> h.name() + ": " + r);
      if (r.exitCode() == 1) {
        assertEquals(1, r.stderr().strip().lines().count(), () -> h.name() + ": " + r);
        assertTrue(r.stderr().startsWith("error: "), () -> h.name() + ": " + r);
      }
      assertFalse(r.stderr().contains("internal error"), () -> h.name() + ": " + r);
      // The timeout, init's 5 s grace for an engine that ignores the interrupt, JVM start.
      long bound = Long.parseLong(h.timeout().replace("s", "")) + 12;
      assertTrue(seconds < bound, () -> h.name() + " took " + seconds + " s: " + r);
    }
  }

  /** Issue 18: an input past the largest Java array is refused by name, not by OutOfMemoryError. */
  @Test
  void inputOver2GibIsRefused() throws Exception {
    Path in = dir.resolve("huge.wasm");
    try (var file = new java.io.RandomAccessFile(in.toFile(), "rw")) {
      file.setLength(3L << 30); // sparse: no disk blocks are written
    }

    Run r = wisex(new byte[0], in.toString(), "-o", dir.resolve("out.wasm").toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().startsWith("error: `" + in + "` is 3221225472 bytes"), r::toString);
    assertFalse(r.stderr().contains("internal error"), r::toString);
  }

  @Test
  void usageErrorExitsTwo() throws Exception {
    Run r = wisex(new byte[0], "--no-such-flag", "in.wasm");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().startsWith("error: Unknown option: '--no-such-flag'"), r::toString);
  }

  @Test
  void ownLog4jConfigurationReplacesTheBuiltInOne() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("log4j2.xml"),
            """
            <Configuration>
              <Appenders>
                <Console name="mine" target="SYSTEM_ERR"><PatternLayout pattern="MINE %level %msg%n"/></Console>
              </Appenders>
              <Loggers><Root level="debug"><AppenderRef ref="mine"/></Root></Loggers>
            </Configuration>
            """);
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());

    // Both spellings Log4j accepts start log4j-core, which reads the file (CliLogProvider).
    for (String property : List.of("log4j2.configurationFile", "log4j.configurationFile")) {
      Run r =
          wisex(
              List.of("-D" + property + "=" + config),
              new byte[0],
              "-v",
              in.toString(),
              "-o",
              dir.resolve("out.wasm").toString());

      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.stderr().contains("MINE INFO "), r::toString);
      assertFalse(r.stderr().contains("wisex: INFO "), r::toString);
    }
  }

  @Test
  void anOldJavaIsToldWhatWisexNeeds() throws Exception {
    Optional<Path> old = olderJava();
    assumeTrue(old.isPresent(), "no Java older than 21 under /usr/lib/jvm");

    Run r = wisex(old.get(), List.of(), new byte[0], "--version");

    assertEquals(2, r.exitCode(), r::toString);
    assertEquals(0, r.stdout().length, r::toString);
    List<String> lines = r.stderr().lines().toList();
    assertEquals(1, lines.size(), r::toString);
    assertTrue(lines.get(0).startsWith("wisex: error: wisex needs Java 21 or newer"), r::toString);
    assertTrue(lines.get(0).contains(old.get().getFileName().toString()), r::toString);
  }

  /** A JDK or JRE older than 21, from its {@code release} file. */
  private static Optional<Path> olderJava() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
          .filter(home -> releaseMajor(home) > 0 && releaseMajor(home) < 21)
          .sorted()
          .findFirst()
          .map(WisexJarTest::realPath);
    }
  }

  /** The JVM reports its real {@code java.home}; /usr/lib/jvm also holds links to homes. */
  private static Path realPath(Path home) {
    try {
      return home.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int releaseMajor(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          return JavaVersionCheck.major(line.substring("JAVA_VERSION=\"".length()));
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /**
   * {@code extra} after the flags {@code ./wisex} gives a JDK 24 or newer: without {@code
   * --sun-misc-unsafe-memory-access=allow} that JDK prints four lines of warnings when GraalWasm
   * (where the default sends some hostile modules) first touches {@code sun.misc.Unsafe}.
   */
  private static List<String> launcherFlags(String... extra) {
    List<String> flags = new ArrayList<>();
    if (Runtime.version().feature() >= 24) {
      flags.add("--sun-misc-unsafe-memory-access=allow");
    }
    flags.addAll(List.of(extra));
    return flags;
  }

  private Run wisex(byte[] stdin, String... args) throws IOException, InterruptedException {
    return wisex(List.of(), stdin, args);
  }

  private Run wisex(List<String> jvmOptions, byte[] stdin, String... args)
      throws IOException, InterruptedException {
    // The JVM running the tests, which is new enough; the `java` on PATH may be older.
    return wisex(Path.of(System.getProperty("java.home")), jvmOptions, stdin, args);
  }

  private Run wisex(Path javaHome, List<String> jvmOptions, byte[] stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    // Files, not pipes, for the child's output: nothing to drain concurrently, so no way to
    // deadlock.
    Path stdout = Files.createTempFile(dir, "stdout", ".bin");
    Path stderr = Files.createTempFile(dir, "stderr", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin);
    }
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("wisex " + String.join(" ", args) + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    try {
      return new Run(process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
    } finally {
      Files.delete(stdout);
      Files.delete(stderr);
    }
  }
}
