package dev.wisex.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** project.build.outputTimestamp in both of Maven's spellings becomes init's clock epoch. */
class ClockEpochTest {
  @Test
  void readsSecondsAndIsoInstants() {
    assertEquals(OptionalLong.of(1_700_000_000L), ClockEpoch.seconds("1700000000"));
    // 2023-11-14T22:13:20Z is 1700000000 s (1700000000 / 86400 = 19675 days + 80000 s).
    assertEquals(OptionalLong.of(1_700_000_000L), ClockEpoch.seconds("2023-11-14T22:13:20Z"));
    assertEquals(OptionalLong.of(1_700_000_000L), ClockEpoch.seconds("2023-11-15T00:13:20+02:00"));
  }

  @Test
  void unsetOrDisabledLeavesTheDefault() {
    assertEquals(OptionalLong.empty(), ClockEpoch.seconds(null));
    assertEquals(OptionalLong.empty(), ClockEpoch.seconds(""));
    assertEquals(OptionalLong.empty(), ClockEpoch.seconds("a"));
  }

  /** Maven reads digits first: a single digit is seconds, not the disabling character. */
  @Test
  void aSingleDigitIsSeconds() {
    assertEquals(OptionalLong.of(5), ClockEpoch.seconds("5"));
    assertEquals(OptionalLong.of(0), ClockEpoch.seconds("0"));
  }

  @Test
  void refusesSecondsOutsideWhatInitsClockCanStartAt() {
    for (String v : new String[] {"99999999999999999999", "9999999999999999", "9223372037"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ClockEpoch.seconds(v));
      assertTrue(e.getMessage().startsWith("<clockEpoch> `" + v + "` is outside"), e.getMessage());
    }
    assertEquals(OptionalLong.of(9223372036L), ClockEpoch.seconds("9223372036"));
  }

  @Test
  void refusesAnythingElseNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClockEpoch.seconds("yesterday"));
    assertTrue(e.getMessage().startsWith("<clockEpoch> `yesterday`"), e.getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ClockEpoch.seconds("-1"))
            .getMessage()
            .startsWith("<clockEpoch> `-1`"));
  }
}
