package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.conformance.RuntimeUnderTest;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

class ExecutionModeTest implements RuntimeUnderTest {
  @Override
  public WasmRuntime runtime() {
    return Fixtures.RUNTIME;
  }

  private static boolean optimizing() {
    try (Engine engine =
        Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
      return !"Interpreted".equals(engine.getImplementationName());
    }
  }

  @Test
  void autoAndInterpreterRun() {
    assertArrayEquals(
        new long[] {3}, instantiate("numbers", ExecutionMode.AUTO).call("add_i32", 1, 2));
    assertArrayEquals(
        new long[] {3}, instantiate("numbers", ExecutionMode.INTERPRETER).call("add_i32", 1, 2));
  }

  @Test
  void compilerIsRefusedWhereTruffleCannotCompile() {
    assumeTrue(!optimizing(), "this JVM has the optimizing Truffle runtime");
    InitFailedException e =
        assertThrows(
            InitFailedException.class, () -> instantiate("numbers", ExecutionMode.COMPILER));
    assertTrue(
        e.getMessage().startsWith("execution mode COMPILER needs the optimizing Truffle runtime"),
        e.getMessage());
  }
}
