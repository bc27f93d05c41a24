package dev.wisex.rewriter.instrument;

import java.util.List;
import java.util.Map;

/**
 * The module that actually runs during init, and where to find each piece of state in its exports.
 *
 * @param bytes the instrumented module
 * @param globalExports export name of each snapshotted global, by global index
 * @param memoryExports export name of each memory (imported ones first), in memory index order
 * @param dataProbes the probe of each passive data segment init could drop, by segment index
 */
public record InstrumentedModule(
    byte[] bytes,
    Map<Integer, String> globalExports,
    List<String> memoryExports,
    Map<Integer, DataProbe> dataProbes) {

  public InstrumentedModule {
    globalExports = Map.copyOf(globalExports);
    memoryExports = List.copyOf(memoryExports);
    dataProbes = Map.copyOf(dataProbes);
  }
}
