package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Wat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    command.add(ChildJvm.tool("java"));
    command.add("-cp");
    command.add(classPathWithoutLog4jCore());
    command.add(SilentLibraryUser.class.getName());
    Stream.of(ok, traps, out, facts).map(Path::toString).forEach(command::add);
    ChildJvm.Ended ended = ChildJvm.run(dir, command);
    assertEquals(0, ended.exitCode(), ended.stderr());
    assertEquals("", ended.stderr(), "nothing on stderr");
    assertEquals("", ended.stdout(), "nothing on stdout");
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
  private static String classPathWithoutLog4jCore() {
    List<String> entries =
        ChildJvm.testPath().stream()
            .filter(e -> !Path.of(e).getFileName().toString().startsWith("log4j-core"))
            .toList();
    assertTrue(entries.stream().anyMatch(e -> e.contains("log4j-api")), "log4j-api is on the path");
    return String.join(File.pathSeparator, entries);
  }
}
