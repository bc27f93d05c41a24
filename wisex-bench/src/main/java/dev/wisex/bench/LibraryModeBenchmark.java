package dev.wisex.bench;

import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.Preinitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Library-mode time in JMH: one whole pre-initialization of a module file in a warm JVM, on the
 * default backend (found through ServiceLoader, as the CLI finds it), WASI allowed as for the
 * corpus. Each invocation is timed on its own (single shot): a run takes from milliseconds to
 * seconds. Every run instantiates the module afresh; its compiled code comes from the default
 * compile cache, which keeps it loaded in this JVM after the first run (as a build's later
 * executions on the same module find it), so the figure is that of a warm JVM with hot guest code.
 *
 * <pre>
 * java -cp wisex-cli/target/wisex.jar:wisex-bench/target/wisex-bench.jar org.openjdk.jmh.Main \
 *     LibraryModeBenchmark -p module=/tmp/peers/out/uap.wasm
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class LibraryModeBenchmark {
  /** The module file; the sample module by default (relative to the repository root). */
  @Param("samples/primes.wasm")
  public String module;

  /** The init export's name. */
  @Param("wizex.initialize")
  public String initFunc;

  private byte[] input;
  private Preinitializer wisex;

  @Setup
  public void setUp() throws IOException {
    input = Files.readAllBytes(Path.of(module));
    wisex = new Preinitializer(WisexOptions.builder().initFunc(initFunc).allowWasi(true).build());
  }

  @Benchmark
  public WisexResult preinitialize() {
    return wisex.preinitialize(input);
  }
}
