package dev.wisex.wasix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.wasix.config.WasixConfig;
import dev.wisex.wasix.state.Clock;
import dev.wisex.wasix.state.Entropy;
import org.junit.jupiter.api.Test;

/** The virtual clock and the seeded random stream never depend on the machine or the JDK. */
class DeterminismTest {
  @Test
  void splitMix64StreamIsFixed() {
    byte[] bytes = new byte[16];
    new Entropy(0, false).fill(bytes);
    // SplitMix64(0): 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, little-endian.
    assertArrayEquals(
        new byte[] {
          (byte) 0xAF,
          (byte) 0xCD,
          0x1D,
          0x7B,
          0x39,
          (byte) 0xA8,
          0x20,
          (byte) 0xE2,
          (byte) 0xF4,
          0x65,
          (byte) 0xB9,
          (byte) 0xA1,
          0x6A,
          (byte) 0x9E,
          0x78,
          0x6E
        },
        bytes);
  }

  @Test
  void splitCallsContinueOneStream() {
    Entropy whole = new Entropy(42, false);
    Entropy parts = new Entropy(42, false);
    byte[] all = new byte[13];
    whole.fill(all);
    byte[] a = new byte[5];
    byte[] b = new byte[8];
    parts.fill(a);
    parts.fill(b);
    byte[] joined = new byte[13];
    System.arraycopy(a, 0, joined, 0, 5);
    System.arraycopy(b, 0, joined, 5, 8);
    assertArrayEquals(all, joined);
  }

  @Test
  void virtualClockMovesOnlyByReadsAndSleeps() {
    Clock clock = new Clock(false);
    long tick = 1_000; // one microsecond per read
    long uptime = 5_000_123_456_789L; // the documented monotonic start
    assertEquals(WasixConfig.FIXED_EPOCH_NANOS, clock.now(Clock.REALTIME));
    assertEquals(uptime + tick, clock.now(Clock.MONOTONIC));
    clock.sleep(250);
    assertEquals(WasixConfig.FIXED_EPOCH_NANOS + 2 * tick + 250, clock.now(Clock.REALTIME));
    assertEquals(uptime + 3 * tick + 250, clock.now(Clock.MONOTONIC));
  }

  @Test
  void virtualWallClockStartsAtTheConfiguredEpoch() {
    assertEquals(1_700_000_000_000_000_000L, new Clock(false, 1_700_000_000_000_000_000L).now(0));
  }
}
