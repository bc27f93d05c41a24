package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.ExceptionsModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each claimed capability is exercised in every mode; each missing one is refused with a clear
 * message.
 */
class ProposalSupportTest {
  private static final String SIMD_REFUSAL =
      "module uses SIMD (v128), which the `chicory` runtime cannot execute here; use --runtime graal";

  @Test
  void aV128GlobalIsRefusedAsSimd() {
    assertFalse(new ChicoryRuntime().capabilities().contains(Capability.SIMD));
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> Fixtures.instantiate("simd_global", ExecutionMode.AUTO));
    assertEquals(SIMD_REFUSAL + " (first use: global 0)", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aSimdInstructionAloneIsRefused(ExecutionMode mode) {
    InitFailedException e =
        assertThrows(
            InitFailedException.class, () -> Fixtures.instantiate("simd_instruction", mode));
    assertEquals(SIMD_REFUSAL + " (first use: function 0)", e.getMessage());
  }

  @Test
  void memory64IsNotClaimedAndIsRefused() {
    assertFalse(new ChicoryRuntime().capabilities().contains(Capability.MEMORY64));
    InitFailedException e =
        assertThrows(
            InitFailedException.class, () -> Fixtures.instantiate("memory64", ExecutionMode.AUTO));
    assertEquals(
        "module uses memory64 (64-bit linear memory), which the `chicory` runtime cannot execute here;"
            + " use --runtime graal",
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void sharedMemoryAndAtomicsRun(ExecutionMode mode) {
    assertTrue(new ChicoryRuntime().capabilities().contains(Capability.THREADS));
    WasmInstance instance = Fixtures.instantiate("threads", mode);
    assertArrayEquals(new long[] {40}, instance.call("rmw"));
    assertArrayEquals(new long[] {0}, instance.call("notify"));
    byte[] word = new byte[4];
    instance.memory("memory").read(8, word, 0, 4);
    assertArrayEquals(new byte[] {40, 0, 0, 0}, word);
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void exceptionsAreThrownAndCaughtInsideTheGuest(ExecutionMode mode) {
    assertTrue(new ChicoryRuntime().capabilities().contains(Capability.EXCEPTIONS));
    WasmInstance instance =
        new ChicoryRuntime()
            .instantiate(ExceptionsModule.bytes(), HostImports.none(), new InstanceConfig(mode));
    assertArrayEquals(new long[] {5}, instance.call("catch", 5));
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void anUncaughtGuestExceptionIsATrap(ExecutionMode mode) {
    WasmInstance instance =
        new ChicoryRuntime()
            .instantiate(ExceptionsModule.bytes(), HostImports.none(), new InstanceConfig(mode));
    WasmTrapException trap = assertThrows(WasmTrapException.class, () -> instance.call("uncaught"));
    assertTrue(trap.getMessage().startsWith("uncaught wasm exception"), trap.getMessage());
  }
}
