package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.VerificationFailedException;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.snapshot.DataRun;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --verify} passes on real outputs and names the first difference when there is one. */
class OutputVerifierTest {
  private static final WasmRuntime CHICORY = RuntimeRegistry.discover().select("chicory", Set.of());

  private static byte[] wat(String name) {
    return Wat.resource(OutputVerifierTest.class, "/wat/" + name + ".wat");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"globals", "sparse_memory", "grow", "passive", "two_memories", "many_segments"})
  void passesOnWhatThePipelineWrites(String name) {
    new Preinitializer(WisexOptions.builder().verify(true).build()).preinitialize(wat(name));
  }

  /** counter.wat's init leaves count = 1 in the global and at address 64. */
  private static byte[] counterOutput() {
    return new Preinitializer(WisexOptions.defaults()).preinitialize(wat("counter")).module();
  }

  private static Snapshot snapshot(int global, byte atAddress64) {
    return new Snapshot(
        Map.of(0, GlobalValue.i32(global)),
        List.of(new MemorySnapshot(0, 1, 1, List.of(new DataRun(64, new byte[] {atAddress64})))),
        Set.of());
  }

  @Test
  void acceptsTheTrueState() {
    OutputVerifier.verify(CHICORY, counterOutput(), snapshot(1, (byte) 1), WisexOptions.defaults());
  }

  @Test
  void namesAGlobalThatDiffers() {
    VerificationFailedException e =
        assertThrows(
            VerificationFailedException.class,
            () ->
                OutputVerifier.verify(
                    CHICORY, counterOutput(), snapshot(2, (byte) 1), WisexOptions.defaults()));
    assertTrue(e.getMessage().contains("global 0"), e.getMessage());
  }

  @Test
  void namesTheFirstMemoryByteThatDiffers() {
    VerificationFailedException e =
        assertThrows(
            VerificationFailedException.class,
            () ->
                OutputVerifier.verify(
                    CHICORY, counterOutput(), snapshot(1, (byte) 7), WisexOptions.defaults()));
    assertTrue(
        e.getMessage().contains("address 64 is 0x01 but the snapshot holds 0x07"), e.getMessage());
  }
}
