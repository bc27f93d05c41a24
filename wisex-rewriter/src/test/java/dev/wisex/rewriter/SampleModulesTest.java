package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.Differential.Call;
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
    byte[] wasm = Files.readAllBytes(SAMPLES.resolve("primes.wasm"));
    assertArrayEquals(
        Wat.assemble(Files.readString(SAMPLES.resolve("primes.wat"))),
        wasm,
        "samples/primes.wasm is stale: regenerate it from primes.wat");
    WisexResult result =
        differential.check(
            wasm,
            WisexOptions.defaults(),
            Call.of("count"),
            Call.of("is_prime", 99991),
            Call.of("is_prime", 99993));
    assertEquals(1, result.report().memories().get(0).segments());
  }
}
