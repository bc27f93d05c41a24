package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.LimitExceededException;
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

  /**
   * {@code --timeout} bounds every stage, not just init: a module that takes far longer than the
   * timeout fails with one message naming the flag, within the timeout plus init's 5 s grace.
   */
  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("slowModules")
  void timeoutBoundsTheWholeRun(String what, int n, IntFunction<byte[]> generator) {
    byte[] module = generator.apply(n);
    long start = System.nanoTime();
    LimitExceededException e =
        assertThrows(
            LimitExceededException.class,
            () ->
                new Preinitializer(WisexOptions.builder().timeout(Duration.ofSeconds(2)).build())
                    .preinitialize(module));
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info("{} {}: stopped after {} ms: {}", n, what, millis, e.getMessage());
    assertTrue(e.getMessage().contains("within --timeout 2 s"), e.getMessage());
    assertTrue(millis < 2_000 + 6_000, () -> "took " + millis + " ms");
  }

  /** The case (1,000,000 globals ran past 900 s with {@code --timeout 5s}). */
  static Stream<Arguments> slowModules() {
    return Stream.of(
        Arguments.of(
            "mutable globals", 1_000_000, (IntFunction<byte[]>) HostileModules::mutableGlobals));
  }
}
