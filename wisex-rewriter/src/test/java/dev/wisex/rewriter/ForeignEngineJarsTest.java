package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that declares its own Chicory of another release (1.6.1, which the build copies
 * into {@code target/foreign-chicory}) gets it instead of wisex's 1.7.5 from Maven, without a word.
 * Run in a child JVM on such a class path, the library must neither fail with a linkage error from
 * inside Chicory nor blame the module: Chicory is unavailable with a reason that names the jars,
 * and the default choice runs init on GraalWasm. The reference output is this JVM's Chicory 1.7.5
 * run.
 */
class ForeignEngineJarsTest {
  private static final Path FOREIGN = Path.of("target", "foreign-chicory");
  private static final Path PRIMES = Path.of("..", "samples", "primes.wasm");

  @TempDir Path dir;

  @Test
  void chicoryOfAnotherReleaseIsUnavailableAndTheDefaultRunsOnGraalWasm() throws Exception {
    Path out = dir.resolve("primes.init.wasm");
    Path facts = dir.resolve("facts.txt");
    List<String> command = new ArrayList<>();
    command.add(ChildJvm.tool("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("--sun-misc-unsafe-memory-access=allow");
    command.add("-Dwisex.node=off"); // the JVM backends' rule is what is checked
    command.add("-cp");
    command.add(classPathWithForeignChicory());
    command.add(ForeignEngineJarsUser.class.getName());
    Stream.of(PRIMES, out, facts).map(Path::toString).forEach(command::add);
    ChildJvm.Ended ended = ChildJvm.run(dir, command);
    assertEquals(0, ended.exitCode(), ended.stderr());

    List<String> reported = Files.readAllLines(facts);
    assertEquals("graal", reported.get(0), "the default choice moved to GraalWasm");
    String refusal = reported.get(1);
    assertTrue(
        refusal.startsWith("RuntimeSelectionException: runtime `chicory` is not available: "),
        refusal);
    assertTrue(refusal.contains("com.dylibso.chicory:runtime 1.6.1"), refusal);
    assertTrue(refusal.contains("one 1.7.x release"), refusal);

    byte[] reference =
        new Preinitializer(WisexOptions.builder().noCache().runtime("chicory").build())
            .preinitialize(Files.readAllBytes(PRIMES))
            .module();
    assertArrayEquals(reference, Files.readAllBytes(out), "the same output as Chicory 1.7.5's");
  }

  /** This test's class path with Chicory's runtime and wasm jars replaced by the foreign ones. */
  private static String classPathWithForeignChicory() throws IOException {
    List<String> entries = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    for (String entry : ChildJvm.testPath()) {
      String normal = entry.replace(File.separatorChar, '/');
      if (normal.contains("/com/dylibso/chicory/runtime/")
          || normal.contains("/com/dylibso/chicory/wasm/")) {
        replaced.add(entry);
      } else {
        entries.add(entry);
      }
    }
    assertEquals(
        2, replaced.size(), "Chicory's runtime and wasm jars are on the path: " + replaced);
    try (Stream<Path> foreign = Files.list(FOREIGN)) {
      foreign.map(p -> p.toAbsolutePath().toString()).sorted().forEach(entries::add);
    }
    return String.join(File.pathSeparator, entries);
  }
}
