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
  void virtualClockMovesOnlyWhenSleeping() {
    Clock clock = new Clock(false);
    assertEquals(WasixConfig.FIXED_EPOCH_NANOS, clock.now(Clock.REALTIME));
    assertEquals(0, clock.now(Clock.MONOTONIC));
    clock.sleep(250);
    assertEquals(WasixConfig.FIXED_EPOCH_NANOS + 250, clock.now(Clock.REALTIME));
    assertEquals(250, clock.now(Clock.MONOTONIC));
  }
}
