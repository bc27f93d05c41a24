package dev.wisex.parser.analysis;

import dev.wisex.parser.ByteReader;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each function body can be metered: its first instruction, the first instruction of every
 * {@code loop} body, and every {@code memory.grow}. Every endless execution passes one of the first
 * two infinitely often, which is what makes a step budget ("fuel") sound without counting each
 * instruction; the third is where a memory cap is enforced.
 *
 * @param bodies one entry per defined function, in function order
 */
public record MeteringSites(List<Body> bodies) {
  public MeteringSites {
    bodies = List.copyOf(bodies);
  }

  /**
   * Sites of one body; all offsets are absolute positions in the module's bytes.
   *
   * @param codeStart offset of the first instruction (past the local declarations)
   * @param loopBodies offset just past each {@code loop}'s block type, ascending
   * @param grows each {@code memory.grow} instruction, ascending
   */
  public record Body(int codeStart, int[] loopBodies, List<Grow> grows) {
    public Body {
      grows = List.copyOf(grows);
    }
  }

  /** One {@code memory.grow} occupying {@code [start, end)} that grows {@code memory}. */
  public record Grow(int start, int end, int memory) {}

  /**
   * Decodes every defined function's body of {@code module} and collects its sites.
   *
   * @throws dev.wisex.api.MalformedModuleException as {@link CodeScanner#scan} does
   */
  public static MeteringSites of(WasmModule module) {
    byte[] bytes = module.bytes();
    FeatureAccumulator features = new FeatureAccumulator();
    TypeDecoder types = new TypeDecoder(bytes, features);
    InstructionDecoder decoder = new InstructionDecoder(features, types, module.data().size());
    List<Body> bodies = new ArrayList<>(module.bodies().size());
    for (FunctionBody body : module.bodies()) {
      ByteReader in = new ByteReader(bytes, body.start(), body.end());
      LocalDeclarations.skip(in, types);
      int codeStart = in.position();
      Collector collector = new Collector();
      decoder.listen(collector);
      decoder.decode(in);
      bodies.add(
          new Body(
              codeStart,
              collector.loops.stream().mapToInt(Integer::intValue).toArray(),
              collector.grows));
    }
    return new MeteringSites(bodies);
  }

  private static final class Collector implements SiteListener {
    final List<Integer> loops = new ArrayList<>();
    final List<Grow> grows = new ArrayList<>();

    @Override
    public void loopBody(int offset) {
      loops.add(offset);
    }

    @Override
    public void memoryGrow(int start, int end, int memory) {
      grows.add(new Grow(start, end, memory));
    }

    @Override
    public void computation(int start, int end, int opcode) {}
  }
}
