package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import org.junit.jupiter.api.Test;

/**
 * Huge functions are split only below the code size where the default selection stops running init
 * on a compiling backend; above it a forced backend runs the module as it is.
 */
class SplitPolicyTest {
  private static final WasmRuntime CHICORY =
      RuntimeRegistry.discover().select("chicory", java.util.Set.of());

  @Test
  void belowTheLargeBandTheBackendsLimitHolds() {
    CodeSize sqliteLike = new CodeSize(1_051_812, 1_411, 47_675);
    assertEquals(
        CHICORY.largestFastFunctionBytes(), SplitPolicy.largestFunction(CHICORY, sqliteLike));
    CodeSize justBelow = new CodeSize(EngineChoice.LARGE_CODE_BYTES - 1, 10, 100_000);
    assertEquals(
        CHICORY.largestFastFunctionBytes(), SplitPolicy.largestFunction(CHICORY, justBelow));
  }

  @Test
  void fromTheLargeBandOnNothingIsSplit() {
    CodeSize starlingMonkeyLike = new CodeSize(8_000_000, 14_000, 200_000);
    assertEquals(Integer.MAX_VALUE, SplitPolicy.largestFunction(CHICORY, starlingMonkeyLike));
    CodeSize atTheBound = new CodeSize(EngineChoice.LARGE_CODE_BYTES, 10, 100_000);
    assertEquals(Integer.MAX_VALUE, SplitPolicy.largestFunction(CHICORY, atTheBound));
  }
}
