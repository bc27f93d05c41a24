package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import dev.wisex.testkit.HostileModules;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Huge counts (issue 18): each stage is linear in them, so a module that took minutes before (100k
 * exports: 243 s) is pre-initialized, or refused with a {@link WisexException}, within seconds.
 */
class HostileModulesTest {
  private static final Logger LOG = LogManager.getLogger(HostileModulesTest.class);

  static Stream<Arguments> modules() {
    return Stream.of(
        Arguments.of("exports", 100_000, (IntFunction<byte[]>) HostileModules::exports),
        Arguments.of(
            "mutable globals", 100_000, (IntFunction<byte[]>) HostileModules::mutableGlobals));
    // Not yet: 1,000,000 br_table targets and 100,000 types each take over 20 s (in Chicory's
    // compiler and validator); HostileModules.brTable and .types generate them.
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("modules")
  void hugeCountsFinishInSeconds(String what, int n, IntFunction<byte[]> generator) {
    byte[] module = generator.apply(n);
    long start = System.nanoTime();
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try {
            new Preinitializer(WisexOptions.defaults()).preinitialize(module);
          } catch (WisexException refused) {
            LOG.info("{} {}: refused: {}", n, what, refused.getMessage());
          }
        });
    LOG.info("{} {}: {} ms", n, what, (System.nanoTime() - start) / 1_000_000);
  }
}
