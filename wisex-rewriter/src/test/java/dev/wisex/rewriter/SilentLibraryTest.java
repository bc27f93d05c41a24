package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Wat;
import java.io.File;
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
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library user who binds no Log4j2 backend sees nothing from wisex (no "could not find a logging
 * provider", no logged errors), and one who binds log4j-core gets wisex's logging there.
 */
class SilentLibraryTest {
  private static final String OK =
      "(module (memory (export \"m\") 1) (func (export \"init\")"
          + " (i32.store8 (i32.const 7) (i32.const 42))))";
  private static final String TRAPS = "(module (memory 1) (func (export \"init\") unreachable))";

  @TempDir Path dir;

  @Test
  void withoutABackendTheLibraryPrintsNothing() throws Exception {
    Path ok = Files.write(dir.resolve("ok.wasm"), Wat.assemble(OK));
    Path traps = Files.write(dir.resolve("traps.wasm"), Wat.assemble(TRAPS));
    Path out = dir.resolve("ok.init.wasm");
    Path facts = dir.resolve("facts.txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPathWithoutLog4jCore());
    command.add(SilentLibraryUser.class.getName());
    Stream.of(ok, traps, out, facts).map(Path::toString).forEach(command::add);
    Path stderr = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(stderr.toFile())
            .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");

    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), err);
    assertEquals("", err, "nothing on stderr");
    assertEquals("", Files.readString(dir.resolve("stdout.txt")), "nothing on stdout");
    String[] reported = Files.readString(facts).split(" ");
    assertEquals("dev.wisex.rewriter.logging.SilentLoggerContext", reported[0]);
    byte[] written = Files.readAllBytes(out);
    assertEquals(Integer.parseInt(reported[1]), written.length);
    assertTrue(written.length > 8, "the run itself worked");
  }

  @Test
  void aRealBackendOutranksTheSilentOne() {
    // This test JVM has log4j-core on its path, as an application that binds it would.
    assertEquals(
        "org.apache.logging.log4j.core.impl.Log4jContextFactory",
        LogManager.getFactory().getClass().getName());
  }

  /** The test's own class and module path as one class path, minus log4j-core. */
  private static String classPathWithoutLog4jCore() throws URISyntaxException {
    String joined =
        Stream.concat(
                // On the module path the test classes are patched in, on no path property.
                Stream.of(testClasses()),
                Stream.of("jdk.module.path", "java.class.path").map(System::getProperty))
            .filter(p -> p != null && !p.isEmpty())
            .collect(Collectors.joining(File.pathSeparator));
    List<String> entries =
        Arrays.stream(joined.split(File.pathSeparator))
            .filter(e -> !Path.of(e).getFileName().toString().startsWith("log4j-core"))
            .distinct()
            .toList();
    assertTrue(entries.stream().anyMatch(e -> e.contains("log4j-api")), "log4j-api is on the path");
    return String.join(File.pathSeparator, entries);
  }

  private static String testClasses() throws URISyntaxException {
    return Path.of(
            SilentLibraryUser.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }
}
