package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.conformance.RuntimeUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proposals Chicory does not run are refused up front, naming the backend that runs them (the
 * kit checks that claimed ones run and unclaimed ones are refused).
 */
class ProposalSupportTest implements RuntimeUnderTest {
  private static final String SIMD_REFUSAL =
      "module uses SIMD (v128), which the `chicory` runtime cannot execute here; use --runtime graal";

  @Override
  public WasmRuntime runtime() {
    return new ChicoryRuntime();
  }

  @Test
  void aV128GlobalIsRefusedAsSimd() {
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> instantiate("simd_global"));
    assertEquals(SIMD_REFUSAL + " (first use: global 0)", e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  void aSimdInstructionAloneIsRefused(ExecutionMode mode) {
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> instantiate("simd_instruction", mode));
    assertEquals(SIMD_REFUSAL + " (first use: function 0)", e.getMessage());
  }

  @Test
  void memory64IsRefusedNamingTheBackendThatRunsIt() {
    InitFailedException e = assertThrows(InitFailedException.class, () -> instantiate("memory64"));
    assertEquals(
        "module uses memory64 (64-bit linear memory), which the `chicory` runtime cannot execute here;"
            + " use --runtime graal",
        e.getMessage());
  }
}
