package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.VerificationFailedException;
import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.snapshot.ArrayMemory;
import dev.wisex.rewriter.snapshot.DataRun;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.InstanceConfig;
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
  private static WasmModule counterOutput() {
    return ModuleParser.parse(
        new Preinitializer(WisexOptions.defaults()).preinitialize(wat("counter")).module());
  }

  /** A snapshot of counter.wat's state with these values, and one byte elsewhere if non-zero. */
  private static Snapshot snapshot(int global, byte atAddress64, byte atAddress1000) {
    ArrayMemory memory = new ArrayMemory(1);
    memory.bytes[64] = atAddress64;
    memory.bytes[1000] = atAddress1000;
    return new Snapshot(
        Map.of(0, GlobalValue.i32(global)),
        List.of(new MemorySnapshot(0, 1, 1, List.of(new DataRun(64, 1)), memory)),
        Set.of());
  }

  private static Snapshot snapshot(int global, byte atAddress64) {
    return snapshot(global, atAddress64, (byte) 0);
  }

  @Test
  void acceptsTheTrueState() {
    OutputVerifier.verify(
        CHICORY, counterOutput(), snapshot(1, (byte) 1), InstanceConfig.defaults());
  }

  @Test
  void namesAGlobalThatDiffers() {
    VerificationFailedException e =
        assertThrows(
            VerificationFailedException.class,
            () ->
                OutputVerifier.verify(
                    CHICORY, counterOutput(), snapshot(2, (byte) 1), InstanceConfig.defaults()));
    assertTrue(e.getMessage().contains("global 0"), e.getMessage());
  }

  @Test
  void namesTheFirstMemoryByteThatDiffers() {
    VerificationFailedException e =
        assertThrows(
            VerificationFailedException.class,
            () ->
                OutputVerifier.verify(
                    CHICORY, counterOutput(), snapshot(1, (byte) 7), InstanceConfig.defaults()));
    assertTrue(
        e.getMessage().contains("address 64 is 0x01 but the snapshot holds 0x07"), e.getMessage());
  }

  /**
   * The whole memory is compared with the init instance's, not just the planned segments: a byte no
   * segment covers that differs (here, one the plan missed) is caught too.
   */
  @Test
  void namesADifferingByteOutsideEverySegment() {
    VerificationFailedException e =
        assertThrows(
            VerificationFailedException.class,
            () ->
                OutputVerifier.verify(
                    CHICORY,
                    counterOutput(),
                    snapshot(1, (byte) 1, (byte) 9),
                    InstanceConfig.defaults()));
    assertTrue(
        e.getMessage().contains("address 1000 is 0x00 but the snapshot holds 0x09"),
        e.getMessage());
  }
}
