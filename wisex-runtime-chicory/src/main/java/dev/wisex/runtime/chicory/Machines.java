package dev.wisex.runtime.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.ProcessorTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Chooses how Chicory executes guest code for an {@link ExecutionMode}. */
final class Machines {
  private static final Logger LOG = LogManager.getLogger(Machines.class);

  private Machines() {}

  /**
   * @param cacheDir where compiled classes are kept between runs, or null to compile afresh
   * @param codeBytes the size of the module's code, for the {@link CompileRate} a compile teaches
   * @param validation the module's, which a compile-cache entry waits for: an entry vouches for the
   *     validity of its module's bytes
   */
  static LoadedMachines.Compiled forMode(
      WasmModule module, ExecutionMode mode, Path cacheDir, long codeBytes, Validation validation) {
    return switch (mode) {
      case INTERPRETER -> new LoadedMachines.Compiled(module, InterpreterMachine::new);
      case COMPILER -> compileStrictly(module, cacheDir, codeBytes, validation);
      case AUTO -> compileOrInterpret(module, cacheDir, codeBytes, validation);
    };
  }

  /**
   * Whether the compile cache holds the code {@link #forMode} would compile for the module whose
   * digest (Chicory's) is {@code digest}.
   */
  static boolean cached(String digest, ExecutionMode mode, Path cacheDir) {
    return cacheDir != null
        && mode != ExecutionMode.INTERPRETER
        && (LoadedMachines.SHARED.holds(new LoadedMachines.Key(digest, fallback(mode), cacheDir))
            || ChicoryCompileCache.in(cacheDir, fallback(mode)).holds(digest));
  }

  /**
   * What the compiler does with a function too large for one JVM method in a compiling mode: fail
   * under COMPILER, interpret under AUTO. Part of the compile cache's key.
   */
  private static InterpreterFallback fallback(ExecutionMode mode) {
    return mode == ExecutionMode.COMPILER ? InterpreterFallback.FAIL : InterpreterFallback.SILENT;
  }

  // Forcing the compiler is for comparison and debugging, so a function it cannot compile is
  // reported rather than quietly interpreted.
  private static LoadedMachines.Compiled compileStrictly(
      WasmModule module, Path cacheDir, long codeBytes, Validation validation) {
    try {
      return compile(module, fallback(ExecutionMode.COMPILER), cacheDir, codeBytes, validation);
    } catch (RuntimeException e) {
      throw new InitFailedException(
          "the Chicory compiler cannot compile this module ("
              + Failures.describe(e)
              + "); use execution mode AUTO or INTERPRETER",
          e);
    }
  }

  // Functions too large for one JVM method are interpreted. Should the compiler fail outright, the
  // interpreter, Chicory's reference semantics, still runs the module: AUTO promises a result, not
  // a strategy.
  private static LoadedMachines.Compiled compileOrInterpret(
      WasmModule module, Path cacheDir, long codeBytes, Validation validation) {
    try {
      return compile(module, fallback(ExecutionMode.AUTO), cacheDir, codeBytes, validation);
    } catch (RuntimeException e) {
      return new LoadedMachines.Compiled(module, InterpreterMachine::new);
    }
  }

  // With a compile cache, what this JVM loaded for the module before comes first (LoadedMachines:
  // the module object it was compiled for, which Chicory requires, and the machines), then the
  // cache directory's entry, then a compile; what was loaded or compiled is kept in this JVM once
  // the module is found valid.
  private static LoadedMachines.Compiled compile(
      WasmModule module,
      InterpreterFallback fallback,
      Path cacheDir,
      long codeBytes,
      Validation validation) {
    if (cacheDir == null) {
      return new LoadedMachines.Compiled(module, compiler(module, fallback).compile());
    }
    LoadedMachines.Key key = new LoadedMachines.Key(module.digest(), fallback, cacheDir);
    LoadedMachines.Compiled loaded = LoadedMachines.SHARED.get(key);
    if (loaded != null) {
      LOG.debug("compile cache: the compiled code is loaded in this JVM already");
      ChicoryCompileCache.in(cacheDir, fallback).markUsed(module.digest());
      return loaded;
    }
    LoadedMachines.Compiled compiled =
        new LoadedMachines.Compiled(
            module, compileThroughCache(module, fallback, cacheDir, codeBytes, validation));
    validation.await(); // throws, and keeps nothing, for an invalid module
    LoadedMachines.SHARED.keep(key, compiled, codeBytes);
    return compiled;
  }

  // A cached entry passed its checksum, but should Chicory still fail to load it, the entry goes
  // and the module is compiled (and the entry written) afresh. A compile that the cache did not
  // spare teaches the cache directory what compiling costs here (CompileRate).
  private static Function<Instance, Machine> compileThroughCache(
      WasmModule module,
      InterpreterFallback fallback,
      Path cacheDir,
      long codeBytes,
      Validation validation) {
    ChicoryCompileCache cache = ChicoryCompileCache.in(cacheDir, fallback).after(validation);
    Duration before = ProcessorTime.used();
    try {
      Function<Instance, Machine> machines = compiler(module, fallback).withCache(cache).compile();
      if (!cache.served()) {
        CompileRate.in(cacheDir).record(codeBytes, ProcessorTime.used().minus(before));
      }
      return machines;
    } catch (RuntimeException e) {
      if (!cache.served()) {
        throw e;
      }
      LOG.warn("compile cache: Chicory cannot load a cached entry ({}); compiling", e.toString());
      cache.discardServed();
      return compiler(module, fallback)
          .withCache(ChicoryCompileCache.in(cacheDir, fallback).after(validation))
          .compile();
    }
  }

  private static MachineFactoryCompiler.Builder compiler(
      WasmModule module, InterpreterFallback fallback) {
    return MachineFactoryCompiler.builder(module).withInterpreterFallback(fallback);
  }
}
