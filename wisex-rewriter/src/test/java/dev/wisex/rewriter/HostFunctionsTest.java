package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Import;
import dev.wisex.parser.ModuleParser;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.testkit.Wat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The library's custom host imports: {@link Preinitializer#withHostFunctions}. */
class HostFunctionsTest {
  private static final byte[] MODULE =
      Wat.resource(HostFunctionsTest.class, "/wat/host_functions.wat");
  private static final FuncType ANSWER_TYPE = FuncType.of(List.of(), List.of(ValType.I32));

  static List<Differential> backends() {
    return Differential.everyBackend();
  }

  private static HostFunction answer(int value) {
    return new HostFunction("env", "answer", ANSWER_TYPE, (memory, args) -> new long[] {value});
  }

  private static HostFunction greet() {
    return new HostFunction(
        "env",
        "greet",
        FuncType.of(List.of(ValType.I32, ValType.I32), List.of()),
        (memory, args) -> {
          byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
          memory.write(args[0], hello, 0, (int) args[1]);
          return new long[0];
        });
  }

  @ParameterizedTest
  @MethodSource("backends")
  void snapshotHoldsWhatHostFunctionsGaveInit(Differential differential) {
    WisexResult result =
        differential.check(
            MODULE,
            WisexOptions.defaults(),
            List.of(answer(0x2A2B2C2D), greet()),
            Call.of("answer"),
            Call.of("load", 16),
            Call.of("load", 32));

    // The data segments' payloads appear verbatim in the output's bytes.
    String bytes = new String(result.module(), StandardCharsets.ISO_8859_1);
    assertTrue(bytes.contains("-,+*"), "0x2A2B2C2D, little-endian, is in the output's data");
    assertTrue(bytes.contains("hello"), "the greeting is in the output's data");
  }

  @Test
  void outputKeepsTheImportsForWhoeverRunsIt() {
    WisexResult result =
        new Preinitializer(WisexOptions.defaults())
            .withHostFunctions(List.of(answer(7), greet()))
            .preinitialize(MODULE);

    assertEquals(
        List.of("env.answer", "env.greet", "env.later"),
        ModuleParser.parse(result.module()).imports(ExternalKind.FUNCTION).stream()
            .map(Import::qualifiedName)
            .toList());
  }

  @Test
  void initCallsEachHostFunctionOnce() {
    AtomicInteger calls = new AtomicInteger();
    HostFunction counted =
        new HostFunction(
            "env", "answer", ANSWER_TYPE, (memory, args) -> new long[] {calls.incrementAndGet()});

    new Preinitializer(WisexOptions.defaults())
        .withHostFunctions(List.of(counted, greet()))
        .preinitialize(MODULE);

    assertEquals(1, calls.get());
  }

  @Test
  void withoutTheHostFunctionInitFailsNamingTheImport() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                new Preinitializer(WisexOptions.defaults())
                    .withHostFunctions(List.of(greet()))
                    .preinitialize(MODULE));

    assertTrue(e.getMessage().contains("`env.answer`"), e.getMessage());
  }

  @Test
  void hostFunctionsNobodyImportsAreIgnored() {
    HostFunction unused =
        new HostFunction("other", "thing", FuncType.of(List.of(), List.of()), (m, a) -> a);

    WisexResult result =
        new Preinitializer(WisexOptions.defaults())
            .withHostFunctions(List.of(answer(1), greet(), unused))
            .preinitialize(MODULE);

    assertEquals(3, ModuleParser.parse(result.module()).imports(ExternalKind.FUNCTION).size());
  }

  @Test
  void refusesAHostFunctionWhoseTypeDiffersFromTheImport() {
    HostFunction wrong =
        new HostFunction(
            "env",
            "answer",
            FuncType.of(List.of(), List.of(ValType.I64)),
            (m, a) -> new long[] {1});

    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                new Preinitializer(WisexOptions.defaults())
                    .withHostFunctions(List.of(wrong, greet()))
                    .preinitialize(MODULE));

    assertEquals(
        "host function `env.answer` has type () -> (i64) but the module imports it as () -> (i32);"
            + " declare the host function with the import's type",
        e.getMessage());
  }

  @Test
  void refusesTwoHostFunctionsForOneImport() {
    Preinitializer preinitializer = new Preinitializer(WisexOptions.defaults());

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> preinitializer.withHostFunctions(List.of(answer(1), answer(2))));

    assertTrue(e.getMessage().contains("`env.answer`"), e.getMessage());
  }
}
