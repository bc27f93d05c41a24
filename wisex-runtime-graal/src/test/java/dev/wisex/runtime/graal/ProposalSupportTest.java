package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.ExceptionsModule;
import org.junit.jupiter.api.Test;

/**
 * Each claimed capability is exercised; each unclaimed one is shown not to work, so that the claim
 * stays honest.
 */
class ProposalSupportTest {
  @Test
  void simdInstructionsRun() {
    assertTrue(Fixtures.RUNTIME.capabilities().contains(Capability.SIMD));
    assertArrayEquals(new long[] {3}, Fixtures.instantiate("simd_instruction").call("lane"));
  }

  /** GraalWasm refuses relaxed SIMD unless asked; the backend asks, so such modules load. */
  @Test
  void relaxedSimdInstructionsRun() {
    assertArrayEquals(
        new long[] {15}, Fixtures.instantiate("relaxed_simd_instruction").call("lane"));
  }

  @Test
  void multipleMemoriesRun() {
    assertTrue(Fixtures.RUNTIME.capabilities().contains(Capability.MULTI_MEMORY));
    WasmInstance instance = Fixtures.instantiate("multi_memory");
    instance.call("copy_b_to_a", 0, 70000, 6);
    byte[] six = new byte[6];
    instance.memory("a").read(0, six, 0, 6);
    assertArrayEquals("second".getBytes(java.nio.charset.StandardCharsets.US_ASCII), six);
  }

  @Test
  void memory64Runs() {
    assertTrue(Fixtures.RUNTIME.capabilities().contains(Capability.MEMORY64));
    assertArrayEquals(new long[] {7}, Fixtures.instantiate("memory64").call("load", 65535));
  }

  /**
   * Shared memories load only with GraalWasm's experimental threads switch, and even then notify
   * traps.
   */
  @Test
  void threadsAreNotClaimedAndASharedMemoryIsRefused() {
    assertFalse(Fixtures.RUNTIME.capabilities().contains(Capability.THREADS));
    assertThrows(InitFailedException.class, () -> Fixtures.instantiate("threads"));
  }

  @Test
  void exceptionsAreNotClaimedAndTheTagSectionIsRefused() {
    assertFalse(Fixtures.RUNTIME.capabilities().contains(Capability.EXCEPTIONS));
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                Fixtures.RUNTIME.instantiate(
                    ExceptionsModule.bytes(), HostImports.none(), InstanceConfig.defaults()));
    assertTrue(e.getMessage().startsWith("GraalWasm cannot load the module: "), e.getMessage());
  }
}
