package dev.wisex.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.LimitValues;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitValuesTest {
  @Test
  void durationsInTheCliForms() {
    assertEquals(Duration.ofSeconds(30), LimitValues.duration("30"));
    assertEquals(Duration.ofMillis(2500), LimitValues.duration("2.5"));
    assertEquals(Duration.ofMillis(500), LimitValues.duration("500ms"));
    assertEquals(Duration.ofSeconds(90), LimitValues.duration("90s"));
    assertEquals(Duration.ofMinutes(10), LimitValues.duration("10m"));
    assertEquals(Duration.ofHours(1), LimitValues.duration(" 1H "));
    assertThrows(IllegalArgumentException.class, () -> LimitValues.duration("0.1ms"));
    assertThrows(IllegalArgumentException.class, () -> LimitValues.duration("-1"));
  }

  @Test
  void sizesInBinaryUnits() {
    assertEquals(65_536, LimitValues.size("65536"));
    assertEquals(65_536, LimitValues.size("64KiB"));
    assertEquals(512L * 1024 * 1024, LimitValues.size("512M"));
    assertEquals(4L * 1024 * 1024 * 1024, LimitValues.size("4GiB"));
    assertEquals(1L << 40, LimitValues.size("1tb"));
    assertThrows(IllegalArgumentException.class, () -> LimitValues.size("4 gigs"));
    assertThrows(IllegalArgumentException.class, () -> LimitValues.size("9999999999999T"));
  }
}
