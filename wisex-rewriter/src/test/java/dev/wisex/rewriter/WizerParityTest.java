package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wisex against Wizer 11.0.3 itself. The reference outputs under {@code resources/wizer} were made
 * by the real Wizer (regenerate with {@code scripts/wizer-goldens.sh}). Where Wizer's rewrite is
 * the same as wisex's the bytes must be identical; elsewhere wisex's output must be no larger and
 * behave the same.
 */
class WizerParityTest {
  private final Differential differential = Differential.chicory();

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = WizerParityTest.class.getResourceAsStream("/wizer/" + name)) {
      if (in != null) {
        return in.readAllBytes();
      }
    }
    return Files.readAllBytes(Path.of("src/test/resources/wizer", name));
  }

  private static String source(String name) throws IOException {
    Path wat =
        name.equals("primes")
            ? Path.of("../samples/primes.wat")
            : Path.of("src/test/resources/wat", name + ".wat");
    return Files.readString(wat);
  }

  private byte[] wisex(String name) throws IOException {
    byte[] input = resource(name + ".input.wasm");
    assertArrayEquals(
        Wat.assemble(source(name)),
        input,
        name + ".input.wasm is stale: run scripts/wizer-goldens.sh");
    return new Preinitializer(WisexOptions.defaults()).preinitialize(input).module();
  }

  /** Modules on which Wizer makes exactly the rewrite wisex makes. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "big_sparse",
        "counter",
        "grow",
        "sparse_memory",
        "start",
        "two_memories",
        "primes"
      })
  void producesWizersBytes(String name) throws IOException {
    assertArrayEquals(resource(name + ".wizer.wasm"), wisex(name));
  }

  /**
   * {@code -r} renames any kind of export, as Wizer does: a memory, a global, a table, and
   * functions in a chain (keep to run, run to go).
   */
  @Test
  void renamesEveryKindOfExportAsWizerDoes() throws IOException {
    byte[] input = resource("renames.input.wasm");
    assertArrayEquals(Wat.assemble(source("renames")), input, "renames.input.wasm is stale");
    WisexOptions options =
        WisexOptions.builder()
            .renameFunc("mem", "memory")
            .renameFunc("val", "g")
            .renameFunc("tab", "t")
            .renameFunc("go", "run")
            .renameFunc("run", "keep")
            .build();
    assertArrayEquals(
        resource("renames.wizer.wasm"), new Preinitializer(options).preinitialize(input).module());
  }

  /**
   * Real C programs (wasi-libc) from the benchmark corpus: the output is never larger than Wizer's
   * and starts in exactly the state Wizer's output starts in.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c-tiny", "c-regex"})
  void matchesWizerOnRealPrograms(String name) throws IOException {
    byte[] wizer = resource(name + ".wizer.wasm");
    byte[] ours =
        new Preinitializer(WisexOptions.defaults())
            .preinitialize(resource(name + ".input.wasm"))
            .module();
    assertTrue(
        ours.length <= wizer.length,
        name + ": wisex " + ours.length + " bytes > Wizer " + wizer.length);
    differential.compareInitialized(wizer, ours);
  }

  /**
   * Modules where wisex writes less than Wizer: no empty data section, no empty passive stand-ins
   * for active segments when no code can name a segment, and a deterministic choice among equal
   * gaps when capping.
   */
  @ParameterizedTest
  @ValueSource(strings = {"globals", "overwrite", "reactor", "import_uncalled", "many_segments"})
  void isNoLargerThanWizerAndBehavesTheSame(String name) throws IOException {
    byte[] wizer = resource(name + ".wizer.wasm");
    byte[] ours = wisex(name);
    assertTrue(
        ours.length <= wizer.length,
        name + ": wisex " + ours.length + " bytes > Wizer " + wizer.length);
    Call[] calls =
        switch (name) {
          case "globals" ->
              new Call[] {
                Call.of("nan32bits"), Call.of("nan64bits"), Call.of("neg0bits"), Call.of("bump")
              };
          case "overwrite" -> new Call[] {Call.of("load", 100), Call.of("load", 110)};
          case "reactor" -> new Call[] {Call.of("ready")};
          case "many_segments" -> new Call[] {Call.of("load", 119990)};
          default -> new Call[0];
        };
    differential.compareInitialized(wizer, ours, calls);
  }
}
