package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.PreparationCost;
import dev.wisex.testkit.Wat;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The scan's pace is measured where the JVM can tell a thread's processor time, and counts as
 * nothing where it cannot; the stand-in it yields follows the scan, in proportion and within its
 * bounds.
 */
class MachinePaceTest {
  @Test
  void parsingTimesTheScanOfTheCode() {
    // 320,000 bytes of code: a scan of a millisecond or more, far above any clock's resolution.
    byte[] module = CodePadding.pad(Wat.assemble("(module (func (export \"f\")))"), 40, 8_000);
    MachinePace pace = ParsedInput.of(module).pace();
    if (ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
      assertTrue(pace.scan().toNanos() > 0, pace.toString());
    } else {
      assertEquals(Duration.ZERO, pace.scan());
    }
  }

  @Test
  void anUnreadableClockCountsAsNoMeasurement() {
    assertEquals(Duration.ZERO, MachinePace.between(-1, 5).scan());
    assertEquals(Duration.ZERO, MachinePace.between(10, 5).scan(), "a clock that went back");
    assertEquals(Duration.ofNanos(7), MachinePace.between(3, 10).scan());
  }

  @Test
  void theStandInFollowsTheScanInProportion() {
    long code = 1_000_000;
    PreparationCost constant = PreparationCost.defaultCompile(code);
    // 12 ms for a megabyte: 12 ns per byte, 1.02 µs per byte at 85 times.
    assertEquals(
        Duration.ofNanos(code * 1_020),
        new MachinePace(Duration.ofMillis(12)).compileCost(code, constant).processorTime());
    // Twice as slow a machine: twice the budget.
    assertEquals(
        Duration.ofNanos(code * 2_040),
        new MachinePace(Duration.ofMillis(24)).compileCost(code, constant).processorTime());
    PreparationCost learned = PreparationCost.perByte(code, 700, "learned");
    assertEquals(learned, new MachinePace(Duration.ofMillis(12)).compileCost(code, learned));
  }
}
