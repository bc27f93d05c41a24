package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.RejectedModuleException;
import dev.wisex.api.WisexOptions;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Modules that decode but break a validity rule the backends disagreed on, found by a sweep against
 * V8 and wasmtime: a memory whose minimum exceeds its maximum (an internal error on every backend),
 * a start function with parameters (an internal error on GraalWasm) or a result (run by GraalWasm),
 * and a {@code ref.func} of an undeclared function (run by Chicory, its output refused elsewhere).
 * The reference is wabt's validator, which must refuse each; wisex must refuse each on every
 * backend as invalid, and accept its valid neighbour.
 */
class ModuleValidityTest {
  private static final String INIT = "(func (export \"init\"))";

  /** Each case: the invalid module, the words wisex must name, and its valid neighbour. */
  private static final List<String[]> CASES =
      List.of(
          new String[] {
            "(module (memory 2 1) " + INIT + ")",
            "memory 0's minimum of 2 pages exceeds its maximum of 1",
            "(module (memory 1 1) " + INIT + ")"
          },
          new String[] {
            "(module (memory 1) (memory i64 3 2) " + INIT + ")",
            "memory 1's minimum of 3 pages exceeds its maximum of 2",
            "(module (memory 1) (memory i64 2 3) " + INIT + ")"
          },
          new String[] {
            "(module (memory 65537) " + INIT + ")",
            "memory 0's limits exceed the 65536 pages a 32-bit memory can have",
            "(module (memory 1 65536) " + INIT + ")"
          },
          new String[] {
            "(module (func $s (param i32)) (start $s) " + INIT + ")",
            "start function (function 0) must take no parameters and return nothing",
            "(module (func $s) (start $s) " + INIT + ")"
          },
          new String[] {
            "(module (func $s (result i32) (i32.const 1)) (start $s) " + INIT + ")",
            "must take no parameters and return nothing, but has type [] -> [I32]",
            "(module (func $s (drop (i32.const 1))) (start $s) " + INIT + ")"
          },
          new String[] {
            "(module (func $x) (func (export \"init\") (drop (ref.func $x))))",
            "takes a reference to function 0 (ref.func), which no element segment, export or global",
            "(module (func $x) (elem declare func $x) (func (export \"init\") (drop (ref.func"
                + " $x))))"
          });

  static List<Arguments> casesOnEveryBackend() {
    List<Arguments> all = new ArrayList<>();
    for (WasmRuntime runtime : RuntimeRegistry.discover().available()) {
      for (String[] c : CASES) {
        all.add(Arguments.of(runtime.name(), c[0], c[1], c[2]));
      }
    }
    return all;
  }

  @ParameterizedTest
  @MethodSource("casesOnEveryBackend")
  void refusesAnInvalidModuleAsInvalidAndAcceptsItsValidNeighbour(
      String runtime, String invalid, String named, String valid) {
    assertThrows(
        IllegalArgumentException.class,
        () -> Wat.assemble(invalid),
        "wabt's validator refuses it too");
    WisexOptions options = WisexOptions.builder().initFunc("init").runtime(runtime).build();
    RejectedModuleException refused =
        assertThrows(
            RejectedModuleException.class,
            () -> new Preinitializer(options).preinitialize(Wat.assembleUnvalidated(invalid)));
    assertTrue(refused.getMessage().startsWith("the module is invalid: "), refused.getMessage());
    assertTrue(refused.getMessage().contains(named), refused.getMessage());
    // The neighbour on the default choice: Chicory runs no 64-bit memory.
    WisexOptions either = WisexOptions.builder().initFunc("init").build();
    assertTrue(new Preinitializer(either).preinitialize(Wat.assemble(valid)).module().length > 8);
  }
}
