package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.rewriter.wasi.WasiRun.Memory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Init's clocks look like a real machine's (no zero, a monotonic clock that advances), start where
 * the user says, and stay deterministic.
 */
class ClockSettingsTest {
  private static final long NANOS = 1_000_000_000L;

  @Test
  void monotonicClockIsNonZeroAndAdvancesBetweenReads() {
    Memory m = WasiRun.check(WasiRun.wat("clocks_plausible"), WasiRun.options().build());
    long monotonic = m.i64(8);
    assertTrue(monotonic > 60 * NANOS, "looks like an uptime: " + monotonic);
    assertTrue(m.i64(16) > monotonic);
    String env = System.getenv("SOURCE_DATE_EPOCH");
    long epoch =
        env == null || env.isBlank()
            ? Instant.parse("2000-01-01T00:00:00Z").getEpochSecond()
            : Long.parseLong(env.trim());
    assertEquals(epoch * NANOS, m.i64(0), "the fixed epoch, or SOURCE_DATE_EPOCH");
  }

  @Test
  void clockEpochSetsTheWallClockAndTheOutputStaysReproducible() {
    WisexOptions options = WasiRun.options().clockEpoch(1_700_000_000L).build();
    byte[] module = WasiRun.wat("clocks_plausible");
    Memory m = WasiRun.check(module, options);
    assertEquals(1_700_000_000L * NANOS, m.i64(0));
    assertArrayEquals(
        new Preinitializer(options).preinitialize(module).module(),
        new Preinitializer(options).preinitialize(module).module());
  }
}
