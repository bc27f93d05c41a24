package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.Wat;
import dev.wisex.testkit.conformance.ConformanceModules;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionModeTest {
  private static final byte[] WORKLOAD = Wat.resource(ExecutionModeTest.class, "/wat/workload.wat");

  private static WasmInstance workload(ExecutionMode mode) {
    return new ChicoryRuntime().instantiate(WORKLOAD, HostImports.none(), new InstanceConfig(mode));
  }

  @Test
  void everyModeComputesTheSameResultAndMemory() {
    Map<ExecutionMode, long[]> results = new EnumMap<>(ExecutionMode.class);
    Map<ExecutionMode, byte[]> memories = new EnumMap<>(ExecutionMode.class);
    for (ExecutionMode mode : ExecutionMode.values()) {
      WasmInstance instance = workload(mode);
      results.put(mode, instance.call("churn", 20_000));
      byte[] memory = new byte[4096];
      instance.memory("memory").read(0, memory, 0, memory.length);
      memories.put(mode, memory);
    }
    long[] reference = results.get(ExecutionMode.INTERPRETER);
    assertNotEquals(0L, reference[0]);
    for (ExecutionMode mode : ExecutionMode.values()) {
      assertArrayEquals(reference, results.get(mode), mode.name());
      assertArrayEquals(memories.get(ExecutionMode.INTERPRETER), memories.get(mode), mode.name());
    }
  }

  @Test
  void aFunctionTooLargeForTheJvmIsInterpretedInAutoModeAndRefusedInCompilerMode() {
    StringBuilder wat =
        new StringBuilder("(module (global $g (export \"g\") (mut i32) (i32.const 0))");
    wat.append(" (func (export \"big\") (result i32)");
    for (int i = 0; i < 5_000; i++) {
      wat.append(" (global.set $g (i32.add (global.get $g) (i32.const ")
          .append(i % 7)
          .append(")))");
    }
    wat.append(" (global.get $g)))");
    byte[] module = Wat.assemble(wat.toString());
    long expected = 0;
    for (int i = 0; i < 5_000; i++) {
      expected += i % 7;
    }

    WasmInstance auto =
        new ChicoryRuntime()
            .instantiate(module, HostImports.none(), new InstanceConfig(ExecutionMode.AUTO));
    assertArrayEquals(new long[] {expected}, auto.call("big"));

    InitFailedException refused =
        assertThrows(
            InitFailedException.class,
            () ->
                new ChicoryRuntime()
                    .instantiate(
                        module, HostImports.none(), new InstanceConfig(ExecutionMode.COMPILER)));
    assertTrue(
        refused.getMessage().startsWith("the Chicory compiler cannot compile this module"),
        refused.getMessage());
    assertTrue(
        refused.getMessage().endsWith("; use execution mode AUTO or INTERPRETER"),
        refused.getMessage());
  }

  @Test
  void theWorkloadDependsOnItsInput() {
    WasmInstance instance = workload(ExecutionMode.AUTO);
    assertNotEquals(instance.call("churn", 10)[0], instance.call("churn", 11)[0]);
  }

  @Test
  void malformedBytesAreRefusedCleanly() {
    byte[] truncated = ConformanceModules.wasm("numbers");
    byte[] half = java.util.Arrays.copyOf(truncated, truncated.length / 2);
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                new ChicoryRuntime()
                    .instantiate(half, HostImports.none(), InstanceConfig.defaults()));
    assertTrue(e.getMessage().startsWith("Chicory cannot decode the module: "), e.getMessage());
    InitFailedException garbage =
        assertThrows(
            InitFailedException.class,
            () ->
                new ChicoryRuntime()
                    .instantiate(
                        new byte[] {1, 2, 3}, HostImports.none(), InstanceConfig.defaults()));
    assertEquals(InitFailedException.class, garbage.getClass());
  }
}
