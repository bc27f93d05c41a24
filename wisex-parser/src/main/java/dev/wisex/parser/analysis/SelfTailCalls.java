package dev.wisex.parser.analysis;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code return_call} of a function to itself: the tail calls a pass can turn into a loop, so
 * that an engine without constant-stack tail calls runs them in constant stack.
 *
 * @param bodies the defined functions with at least one such call, in function order
 */
public record SelfTailCalls(List<Body> bodies) {
  public SelfTailCalls {
    bodies = List.copyOf(bodies);
  }

  /**
   * One function's self tail calls; offsets are absolute positions in the module's bytes.
   *
   * @param function the defined function's index among the defined functions
   * @param codeStart offset of its first instruction (past the local declarations)
   * @param calls its self tail calls, ascending
   */
  public record Body(int function, int codeStart, List<Call> calls) {
    public Body {
      calls = List.copyOf(calls);
    }
  }

  /** One {@code return_call} occupying {@code [start, end)}, inside {@code depth} blocks. */
  public record Call(int start, int end, int depth) {}

  /**
   * Decodes every defined function's body of {@code module}.
   *
   * @throws dev.wisex.api.MalformedModuleException as {@link CodeScanner#scan} does
   */
  public static SelfTailCalls of(WasmModule module) {
    byte[] bytes = module.bytes();
    FeatureAccumulator features = new FeatureAccumulator();
    TypeDecoder types = new TypeDecoder(bytes, features);
    InstructionDecoder decoder = new InstructionDecoder(features, types, module.data().size());
    int imported = module.importCount(ExternalKind.FUNCTION);
    List<Body> bodies = new ArrayList<>();
    List<FunctionBody> all = module.bodies();
    for (int i = 0; i < all.size(); i++) {
      FunctionBody body = all.get(i);
      ByteReader in = new ByteReader(bytes, body.start(), body.end());
      LocalDeclarations.skip(in, types);
      int codeStart = in.position();
      int self = imported + i;
      List<Call> calls = new ArrayList<>();
      decoder.listen(
          new SiteListener() {
            @Override
            public void returnCall(int start, int end, int callee, int depth) {
              if (callee == self) {
                calls.add(new Call(start, end, depth));
              }
            }
          });
      decoder.decode(in);
      if (!calls.isEmpty()) {
        bodies.add(new Body(i, codeStart, calls));
      }
    }
    return new SelfTailCalls(bodies);
  }
}
