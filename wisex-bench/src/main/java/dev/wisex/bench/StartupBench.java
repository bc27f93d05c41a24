package dev.wisex.bench;

import dev.wisex.api.ExecutionMode;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.Import;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.ValueType;
import dev.wisex.parser.WasmModule;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.wasix.WasixHost;
import dev.wisex.wasix.config.WasixConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Start-up speedup of a pre-initialized module in a JVM engine, the way the corpus's Node harness
 * measures it: a cold start is instantiate (which in Chicory includes parsing and compiling the
 * module) + {@code alloc} + copy the input + {@code run(ptr, len)}; the original runs its init
 * lazily inside {@code run}, the output does not need to. Each side gets a fresh WASI host per
 * start, and both must return the same result.
 */
final class StartupBench {
  private StartupBench() {}

  /** Median start-up times in milliseconds and the result both returned. */
  record Result(double originalMs, double outputMs, long runResult) {
    double speedup() {
      return originalMs / outputMs;
    }
  }

  static Result run(
      byte[] original,
      byte[] output,
      String input,
      String runtime,
      ExecutionMode mode,
      int warmups,
      int iterations) {
    WasmRuntime backend = RuntimeRegistry.discover().select(runtime, Set.of());
    InstanceConfig config = new InstanceConfig(mode);
    byte[] in = input.getBytes(StandardCharsets.UTF_8);
    long expected = start(backend, original, in, config);
    long actual = start(backend, output, in, config);
    if (expected != actual) {
      throw new IllegalStateException(
          "run() returned " + expected + " on the original but " + actual + " on the output");
    }
    // Interleaved, so that JIT warm-up and GC during the run weigh on both sides alike.
    for (int i = 0; i < warmups; i++) {
      start(backend, original, in, config);
      start(backend, output, in, config);
    }
    List<Double> originalMs = new ArrayList<>();
    List<Double> outputMs = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      originalMs.add(timed(backend, original, in, config));
      outputMs.add(timed(backend, output, in, config));
    }
    return new Result(Measurement.median(originalMs), Measurement.median(outputMs), expected);
  }

  private static double timed(
      WasmRuntime backend, byte[] module, byte[] input, InstanceConfig config) {
    long t0 = System.nanoTime();
    start(backend, module, input, config);
    return (System.nanoTime() - t0) / 1e6;
  }

  /** One cold start: instantiate, copy the input in, call {@code run}. */
  private static long start(
      WasmRuntime backend, byte[] module, byte[] input, InstanceConfig config) {
    try (WasixHost wasi = WasixHost.create(WasixConfig.defaults());
        WasmInstance instance =
            backend.instantiate(module, link(ModuleParser.parse(module), wasi), config)) {
      long pointer = instance.call("alloc", input.length)[0];
      GuestMemory memory = instance.memory("memory");
      memory.write(pointer, input, 0, input.length);
      return instance.call("run", pointer, input.length)[0];
    }
  }

  /** WASI/WASIX imports from the host; any other import fails if it is called. */
  private static HostImports link(WasmModule module, WasixHost wasi) {
    List<HostFunction> functions = new ArrayList<>();
    for (Import imp : module.imports(ExternalKind.FUNCTION)) {
      FuncType type = toSpi(module.types().get(imp.functionTypeIndex()));
      functions.add(
          wasi.function(imp.module(), imp.name(), type)
              .orElseGet(
                  () ->
                      new HostFunction(
                          imp.module(),
                          imp.name(),
                          type,
                          (memory, args) -> {
                            throw new IllegalStateException(
                                "the benchmark has no host for `" + imp.qualifiedName() + "`");
                          })));
    }
    return new HostImports(functions);
  }

  private static FuncType toSpi(FunctionType type) {
    return new FuncType(
        type.params().stream().map(StartupBench::toSpi).toList(),
        type.results().stream().map(StartupBench::toSpi).toList());
  }

  private static ValType toSpi(ValueType type) {
    return ValType.valueOf(type.name());
  }
}
