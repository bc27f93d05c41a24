package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tail calls run in constant stack during init (issue 18: a 10M-iteration {@code return_call} loop
 * exhausted the stack): a function's tail calls to itself run as a loop in the module init runs.
 */
class TailCallTest {
  /** The default backend: 10M iterations take 8 s on Chicory, 15 s on interpreted GraalWasm. */
  static List<Differential> backends() {
    return List.of(Differential.on("chicory"));
  }

  private static byte[] wat() {
    return Wat.resource(TailCallTest.class, "/wat/tail/self_tail_loop.wat");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void tenMillionSelfTailCallsRunInConstantStack(Differential backend) {
    byte[] output =
        new Preinitializer(WisexOptions.builder().runtime(backend.runtime().name()).build())
            .preinitialize(wat())
            .module();
    WasmModule module = ModuleParser.parse(output);
    long n = 10_000_000L;
    // Global 1 is r: the exact sum n(n+1)/2, an i64.const in the output.
    assertEquals(n * (n + 1) / 2, i64Const(module.globals().get(1).initExpr()));
    // Global 2 is dirty: 0 unless a "call" found its local still set by the previous iteration.
    assertEquals(0, i64Const(module.globals().get(2).initExpr()));
  }

  /**
   * Init's globals computed by the loop equal those the real tail calls compute (the differential
   * reference runs the original code), on a loop short enough for any stack. On Chicory: the
   * reference needs an engine that runs {@code return_call} itself, which GraalWasm 25 does not.
   */
  @Test
  void loopedSelfTailCallsKeepTheirMeaning() throws IOException {
    Differential backend = Differential.on("chicory");
    String text;
    try (InputStream in = TailCallTest.class.getResourceAsStream("/wat/tail/self_tail_loop.wat")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    byte[] small = Wat.assemble(text.replace("10000000", "1000"));
    backend.check(small, WisexOptions.defaults(), Call.of("sum", 5), Call.of("sum", 0));
  }

  /**
   * GraalWasm 25 does not run {@code return_call}: a module whose tail calls go to other functions
   * needs {@code TAIL_CALLS}, so {@code --runtime graal} is refused by name, while one whose tail
   * calls are all self calls runs there as loops (sum checked against n(n+1)/2).
   */
  @Test
  void onlyTailCallsToOtherFunctionsNeedAnEngineThatRunsThem() throws IOException {
    WisexOptions graal = WisexOptions.builder().runtime("graal").build();
    String mutual;
    try (InputStream in =
        TailCallTest.class.getResourceAsStream("/wat/tail/mutual_tail_calls.wat")) {
      mutual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    RuntimeSelectionException refused =
        assertThrows(
            RuntimeSelectionException.class,
            () -> new Preinitializer(graal).preinitialize(Wat.assemble(mutual)));
    assertTrue(refused.getMessage().contains("TAIL_CALLS"), refused.getMessage());

    String self;
    try (InputStream in = TailCallTest.class.getResourceAsStream("/wat/tail/self_tail_loop.wat")) {
      self = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long n = 1000;
    byte[] output =
        new Preinitializer(graal)
            .preinitialize(Wat.assemble(self.replace("10000000", Long.toString(n))))
            .module();
    assertEquals(n * (n + 1) / 2, i64Const(ModuleParser.parse(output).globals().get(1).initExpr()));
  }

  /**
   * Deep tail recursion between functions either runs (the parity of n is the reference) or fails
   * init saying that the engine gives those tail calls a stack frame, never with a bare "call stack
   * exhausted" (Chicory 1.7.5's compiler: 10,000,001 even/odd steps exhaust the stack; its
   * interpreter would run them in constant stack but crashes on a tail call into a function with
   * locals, so wisex does not route them there).
   */
  @Test
  void deepMutualTailCallsRunOrFailNamingTheEngine() throws IOException {
    String mutual;
    try (InputStream in =
        TailCallTest.class.getResourceAsStream("/wat/tail/mutual_tail_calls.wat")) {
      mutual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long n = 10_000_001L;
    byte[] module = Wat.assemble(mutual.replace("10000000", Long.toString(n)));
    Preinitializer chicory = new Preinitializer(WisexOptions.builder().runtime("chicory").build());
    try {
      byte[] output = chicory.preinitialize(module).module();
      assertEquals(
          n % 2 == 0 ? 1 : 0, i64Const(ModuleParser.parse(output).globals().get(0).initExpr()));
    } catch (InitFailedException e) {
      assertTrue(e.getMessage().contains("call stack exhausted"), e.getMessage());
      assertTrue(
          e.getMessage().contains("tail calls between functions")
              && e.getMessage().contains("runtime `chicory`"),
          e.getMessage());
    }
  }

  /** The value of a constant expression {@code i32.const v end} or {@code i64.const v end}. */
  private static long i64Const(byte[] expr) {
    long result = 0;
    int shift = 0;
    int i = 1;
    int b;
    do {
      b = expr[i++] & 0xFF;
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }
}
