package dev.wisex.cli;

import dev.wisex.api.InitLimits;
import dev.wisex.api.LimitValues;
import java.time.Duration;

/**
 * Bounds on init, for modules one did not write: a build must end even if init does not. Defaults
 * are finite: init stops after {@link InitLimits#DEFAULT_TIMEOUT} whatever else happens.
 */
final class LimitOptions {
  static final Opt<Long> FUEL =
      Opt.<Long>of(long.class, "--fuel")
          .label("STEPS")
          .initially(0L)
          .description(
              "Stop init after STEPS function entries plus loop iterations; the same module stops at"
                  + " the same place on every backend. 0 means no limit (default: 0).");

  static final Opt<Duration> TIMEOUT =
      Opt.<Duration>of(Duration.class, "--timeout")
          .label("TIME")
          .converter(LimitValues::duration)
          .initially(InitLimits.DEFAULT_TIMEOUT)
          .description(
              "Stop the whole run (parse, init, snapshot, rewrite) after this wall-clock time: seconds"
                  + " (30, 2.5) or with a unit (500ms, 90s, 10m) (default: 10m).");

  static final Opt<Long> MAX_MEMORY =
      Opt.<Long>of(long.class, "--max-memory")
          .label("SIZE")
          .converter(LimitValues::size)
          .initially(InitLimits.DEFAULT_MAX_MEMORY_BYTES)
          .description(
              "Fail init that grows any memory beyond SIZE: bytes, or with a unit (64KiB, 512MiB,"
                  + " 4GiB; K, M, G are the same binary units) (default: 4GiB).");

  static final OptionGroup GROUP =
      new OptionGroup(
          "%nLimits on init (for modules you did not write):%n", 5, FUEL, TIMEOUT, MAX_MEMORY);

  private LimitOptions() {}

  static InitLimits toLimits(OptionValues parsed) {
    return new InitLimits(parsed.get(FUEL), parsed.get(TIMEOUT), parsed.get(MAX_MEMORY));
  }
}
