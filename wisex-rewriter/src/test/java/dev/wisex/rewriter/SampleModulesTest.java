package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MapDir;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.testkit.Bytes;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples the README runs: the shipped binary matches its source and pre-initializes correctly.
 */
class SampleModulesTest {
  private static final Path SAMPLES = Path.of("..", "samples");

  static List<Differential> backends() {
    return Differential.everyBackend();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void primesSampleMatchesItsSourceAndPreinitializes(Differential differential) throws IOException {
    byte[] wasm = shipped("primes");
    WisexResult result =
        differential.check(
            wasm,
            WisexOptions.defaults(),
            Call.of("count"),
            Call.of("is_prime", 99991),
            Call.of("is_prime", 99993));
    assertEquals(1, result.report().memories().get(0).segments());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void greetingSampleMatchesItsSourceAndPreinitializesWithWasi(Differential differential)
      throws IOException {
    byte[] wasm = shipped("greeting");
    WisexOptions options =
        WisexOptions.builder()
            .allowWasi(true)
            .inheritStdio(false)
            .mapDir(new MapDir("/data", SAMPLES.resolve("data")))
            .build();
    WisexResult result =
        differential.check(
            wasm,
            options,
            Call.of("greeting"),
            Call.of("greeting_length"),
            Call.of("salt"),
            Call.of("init_time"));
    byte[] greeting = Files.readAllBytes(SAMPLES.resolve("data").resolve("greeting.txt"));
    assertTrue(Bytes.contains(result.module(), greeting), "the output carries the file init read");
    assertTrue(
        result.report().importCalls().containsKey("wasi_snapshot_preview1.path_open"),
        result.report().importCalls().toString());
  }

  /** The shipped binary of a sample, checked against its source. */
  private static byte[] shipped(String name) throws IOException {
    byte[] wasm = Files.readAllBytes(SAMPLES.resolve(name + ".wasm"));
    assertArrayEquals(
        Wat.assemble(Files.readString(SAMPLES.resolve(name + ".wat"))),
        wasm,
        "samples/" + name + ".wasm is stale: regenerate it from " + name + ".wat");
    return wasm;
  }
}
