/**
 * wisex's benchmarks, run on demand by {@code scripts/bench.sh}: {@link dev.wisex.bench.BenchMain}
 * and the JMH benchmark {@link dev.wisex.bench.LibraryModeBenchmark}. Uses the library API only;
 * the synthetic benchmarks run the real pipeline on an in-heap backend so that they time wisex's
 * own code, not an engine's; the start-up benchmark runs modules on a backend with the WASI host,
 * as an embedder would.
 */
module dev.wisex.bench {
  requires dev.wisex.rewriter;
  requires dev.wisex.parser;
  requires dev.wisex.wasix;
  requires java.management;
  requires jmh.core;
}
