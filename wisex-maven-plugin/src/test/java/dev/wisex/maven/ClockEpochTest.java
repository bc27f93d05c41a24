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

  @Test
  void refusesAnythingElseNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClockEpoch.seconds("yesterday"));
    assertTrue(e.getMessage().contains("`yesterday`"), e.getMessage());
  }
}
