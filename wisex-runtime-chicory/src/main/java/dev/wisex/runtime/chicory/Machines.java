package dev.wisex.runtime.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import java.util.function.Function;

/** Chooses how Chicory executes guest code for an {@link ExecutionMode}. */
final class Machines {
  private Machines() {}

  static Function<Instance, Machine> forMode(WasmModule module, ExecutionMode mode) {
    return switch (mode) {
      case INTERPRETER -> InterpreterMachine::new;
      case COMPILER -> compileStrictly(module);
      case AUTO -> compileOrInterpret(module);
    };
  }

  // Forcing the compiler is for comparison and debugging, so a function it cannot compile is
  // reported rather than quietly interpreted.
  private static Function<Instance, Machine> compileStrictly(WasmModule module) {
    try {
      return MachineFactoryCompiler.builder(module)
          .withInterpreterFallback(InterpreterFallback.FAIL)
          .compile();
    } catch (RuntimeException e) {
      throw new InitFailedException(
          "the Chicory compiler cannot compile this module ("
              + Failures.describe(e)
              + "); use execution mode AUTO or INTERPRETER",
          e);
    }
  }

  // Functions too large for one JVM method are interpreted. Should the compiler fail outright, the
  // interpreter, Chicory's reference semantics, still runs the module: AUTO promises a result, not
  // a strategy.
  private static Function<Instance, Machine> compileOrInterpret(WasmModule module) {
    try {
      return MachineFactoryCompiler.builder(module)
          .withInterpreterFallback(InterpreterFallback.SILENT)
          .compile();
    } catch (RuntimeException e) {
      return InterpreterMachine::new;
    }
  }
}
