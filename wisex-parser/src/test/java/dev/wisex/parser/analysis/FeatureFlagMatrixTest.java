package dev.wisex.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.parser.ModuleParser;
import dev.wisex.testkit.Wat;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each instruction that implies a feature sets exactly the flags it should, and nothing else. */
class FeatureFlagMatrixTest {
  private static final String PRELUDE =
      """
      (module
        (memory 1)
        (table $t 1 funcref)
        (table $x 1 externref)
        (elem $e func $f)
        (data $d "x")
        (tag $tag)
        (func $f)
        (func $g
      """;

  static Stream<Arguments> instructions() {
    return Stream.of(
        Arguments.of("table.get", "i32.const 0 table.get $t drop", Set.of("referenceTypes")),
        Arguments.of("table.size", "table.size $t drop", Set.of("referenceTypes")),
        Arguments.of(
            "table.set",
            "i32.const 0 ref.null func table.set $t",
            Set.of("referenceTypes", "tableMutation")),
        Arguments.of(
            "table.grow",
            "ref.null extern i32.const 1 table.grow $x drop",
            Set.of("referenceTypes", "tableMutation")),
        Arguments.of(
            "table.fill",
            "i32.const 0 ref.null extern i32.const 1 table.fill $x",
            Set.of("referenceTypes", "tableMutation")),
        Arguments.of(
            "table.copy",
            "i32.const 0 i32.const 0 i32.const 0 table.copy $t $t",
            Set.of("bulkMemory", "tableMutation")),
        Arguments.of(
            "table.init",
            "i32.const 0 i32.const 0 i32.const 0 table.init $t $e",
            Set.of("bulkMemory", "tableMutation")),
        Arguments.of("elem.drop", "elem.drop $e", Set.of("bulkMemory", "tableMutation")),
        Arguments.of(
            "memory.copy", "i32.const 0 i32.const 0 i32.const 0 memory.copy", Set.of("bulkMemory")),
        Arguments.of(
            "memory.fill", "i32.const 0 i32.const 0 i32.const 0 memory.fill", Set.of("bulkMemory")),
        Arguments.of(
            "memory.init",
            "i32.const 0 i32.const 0 i32.const 0 memory.init $d",
            Set.of("bulkMemory")),
        Arguments.of("data.drop", "data.drop $d", Set.of("bulkMemory")),
        Arguments.of("ref.null", "ref.null extern drop", Set.of("referenceTypes")),
        Arguments.of("ref.is_null", "ref.null func ref.is_null drop", Set.of("referenceTypes")),
        Arguments.of("ref.func", "ref.func $f drop", Set.of("referenceTypes")),
        Arguments.of(
            "typed select",
            "i32.const 1 i32.const 2 i32.const 0 select (result i32) drop",
            Set.of("referenceTypes")),
        Arguments.of("untyped select", "i32.const 1 i32.const 2 i32.const 0 select drop", Set.of()),
        Arguments.of("call_indirect", "i32.const 0 call_indirect $t", Set.of()),
        Arguments.of("saturating truncation", "f32.const 1 i32.trunc_sat_f32_u drop", Set.of()),
        Arguments.of("throw", "throw $tag", Set.of("exceptions")),
        Arguments.of("return_call", "return_call $f", Set.of("tailCalls")),
        Arguments.of("atomic.fence", "atomic.fence", Set.of("atomics")),
        Arguments.of("i32x4.splat", "i32.const 1 i32x4.splat drop", Set.of("simd")),
        Arguments.of(
            "v128 block type", "block (result v128) unreachable end drop", Set.of("simd")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instructions")
  void setsExactlyItsFlags(String name, String body, Set<String> expected) {
    byte[] wasm = Wat.assemble(PRELUDE + body + "))");
    assertEquals(expected, Flags.of(CodeScanner.scan(ModuleParser.parse(wasm))), name);
  }
}
