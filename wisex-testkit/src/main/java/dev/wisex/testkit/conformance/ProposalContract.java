package dev.wisex.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Capabilities are honest: each claimed proposal runs, and a module using one that is not claimed
 * fails instantiation with {@link InitFailedException}, never half-way through init. (Multi-memory
 * and memory64 run in {@link MemoryContract}, imported memories in {@link ImportedMemoryContract}.)
 */
public interface ProposalContract extends RuntimeUnderTest {
  @ParameterizedTest
  @MethodSource("executionModes")
  default void simdInstructionsRunOrAreRefused(ExecutionMode mode) {
    if (claimsOrIsRefused(Capability.SIMD, "simd_instruction", mode)) {
      assertArrayEquals(new long[] {3}, instantiate("simd_instruction", mode).call("lane"));
    }
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void sharedMemoryAndAtomicsRunOrAreRefused(ExecutionMode mode) {
    if (claimsOrIsRefused(Capability.THREADS, "threads", mode)) {
      WasmInstance instance = instantiate("threads", mode);
      assertArrayEquals(new long[] {40}, instance.call("rmw"));
      // Nobody waits, so waking wakes no one.
      assertArrayEquals(new long[] {0}, instance.call("notify"));
      byte[] word = new byte[4];
      instance.memory("memory").read(8, word, 0, 4);
      assertArrayEquals(new byte[] {40, 0, 0, 0}, word);
    }
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void exceptionsAreCaughtInsideTheGuestOrRefused(ExecutionMode mode) {
    InstanceConfig config = new InstanceConfig(mode);
    if (!runtime().capabilities().contains(Capability.EXCEPTIONS)) {
      assertThrows(
          InitFailedException.class,
          () -> runtime().instantiate(ExceptionsModule.bytes(), HostImports.none(), config));
      return;
    }
    WasmInstance instance =
        runtime().instantiate(ExceptionsModule.bytes(), HostImports.none(), config);
    assertArrayEquals(new long[] {5}, instance.call("catch", 5));
    WasmTrapException trap = assertThrows(WasmTrapException.class, () -> instance.call("uncaught"));
    assertTrue(trap.getMessage().contains("exception"), trap.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void unclaimedMultiMemoryAndMemory64AreRefused(ExecutionMode mode) {
    claimsOrIsRefused(Capability.MULTI_MEMORY, "multi_memory", mode);
    claimsOrIsRefused(Capability.MEMORY64, "memory64", mode);
  }

  /**
   * Whether the runtime claims {@code capability}; if it does not, first checks that it refuses
   * {@code module}, which needs it.
   */
  private boolean claimsOrIsRefused(Capability capability, String module, ExecutionMode mode) {
    if (runtime().capabilities().contains(capability)) {
      return true;
    }
    assertThrows(
        InitFailedException.class,
        () -> instantiate(module, mode),
        runtime().name() + " does not claim " + capability + " but ran " + module);
    return false;
  }
}
