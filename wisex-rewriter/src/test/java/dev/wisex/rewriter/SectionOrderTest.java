package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.Section;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.testkit.WasmValidator;
import dev.wisex.testkit.Wat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** New sections go where the binary format puts them, before a trailing {@code name} section. */
class SectionOrderTest {
  static List<Differential> backends() {
    return Differential.everyBackend();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void putsTheNewDataSectionBeforeTheNameSection(Differential differential) {
    byte[] input =
        Wat.assembleWithDebugNames(
            "(module (memory 1) (func $init (export \"init\")"
                + " (i32.store8 (i32.const 0) (i32.const 1))))");
    byte[] output =
        differential
            .check(input, WisexOptions.builder().initFunc("init").build(), new Call[0])
            .module();
    List<Integer> ids = ModuleParser.parse(output).sections().stream().map(Section::id).toList();
    assertEquals(List.of(Section.DATA, Section.CUSTOM), ids.subList(ids.size() - 2, ids.size()));
    WasmValidator.validate(output);
  }
}
