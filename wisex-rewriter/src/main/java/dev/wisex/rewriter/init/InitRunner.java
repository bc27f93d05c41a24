package dev.wisex.rewriter.init;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.InitLimits;
import dev.wisex.api.LimitExceededException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.rewriter.heap.HeapBudget;
import dev.wisex.rewriter.instrument.EngineLimitException;
import dev.wisex.rewriter.instrument.FrameBudget;
import dev.wisex.rewriter.instrument.HostAppliedSegments;
import dev.wisex.rewriter.instrument.LimitedModule;
import dev.wisex.rewriter.instrument.Sizes;
import dev.wisex.rewriter.names.ReservedNames;
import dev.wisex.rewriter.names.WasiNames;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.wasix.GuestExit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the module up to its initialized state: instantiate (the start function runs once), call the
 * WASI reactor entry {@code _initialize} if exported, then the init function. Traps become {@link
 * InitFailedException}s that say which step trapped. A WASI exit ends init early: with code 0 and
 * {@code allowExitZero} the instance is returned as it was at the exit (that state is what gets
 * snapshotted), otherwise init fails naming the code.
 */
public final class InitRunner {
  /** How Chicory words a guest stack overflow. */
  private static final String STACK_EXHAUSTED = "call stack exhausted";

  private static final Logger LOG = LogManager.getLogger(InitRunner.class);

  private InitRunner() {}

  /**
   * Returns the initialized instance; the caller closes it.
   *
   * @throws LimitExceededException if init reached one of {@link InitCall#limits()}
   */
  public static WasmInstance run(
      WasmRuntime runtime,
      LimitedModule runnable,
      WasmModule original,
      HostImports imports,
      InitCall call) {
    return run(runtime, runnable, original, imports, call, instance -> {});
  }

  /**
   * As above; {@code instantiated} hears of the instance as soon as it exists, before the start
   * function and init run in it (for progress displays, which may only use the thread-safe {@link
   * WasmInstance#memoryBytesFromAnyThread}).
   */
  public static WasmInstance run(
      WasmRuntime runtime,
      LimitedModule runnable,
      WasmModule original,
      HostImports imports,
      InitCall call,
      Consumer<WasmInstance> instantiated) {
    return InitDeadline.run(
        call.limits().timeout(),
        () -> initialize(runtime, runnable, original, imports, call, instantiated),
        WasmInstance::close);
  }

  private static WasmInstance initialize(
      WasmRuntime runtime,
      LimitedModule runnable,
      WasmModule original,
      HostImports imports,
      InitCall call,
      Consumer<WasmInstance> instantiated) {
    WasmInstance instance;
    try {
      instance = runtime.instantiate(runnable.bytes(), imports, call.instance());
    } catch (WasmTrapException e) {
      throw new InitFailedException("start function trapped: " + e.getMessage(), e);
    } catch (GuestExit e) {
      throw startExited(e);
    }
    try {
      instantiated.accept(instance);
      if (!runnable.hostSegments().isEmpty()) {
        // Passive in the module the engine got (and never dropped: a memory.init of one in init
        // would not trap as the spec's dropped active segment does); written as instantiation
        // would have, before the start function.
        HostAppliedSegments.write(
            runnable.hostSegments(),
            instance,
            IntStream.range(0, original.allMemories().size())
                .mapToObj(ReservedNames::memory)
                .toList(),
            misfit -> new InitFailedException(misfit + " the module traps"));
      }
      if (runnable.startExport().isPresent()) {
        try {
          instance.call(runnable.startExport().get());
        } catch (WasmTrapException e) {
          throw limitOr(
              instance,
              runnable,
              original,
              call,
              new InitFailedException("start function trapped: " + e.getMessage(), e));
        } catch (GuestExit e) {
          throw startExited(e);
        }
      }
      boolean reactor =
          original
                  .export(WasiNames.REACTOR_INIT)
                  .filter(e -> e.kind() == ExternalKind.FUNCTION)
                  .isPresent()
              && !call.initFunc().equals(WasiNames.REACTOR_INIT);
      if (reactor && !call(instance, runnable, original, WasiNames.REACTOR_INIT, call)) {
        return instance;
      }
      call(instance, runnable, original, call.initFunc(), call);
      return instance;
    } catch (RuntimeException e) {
      instance.close();
      throw e;
    }
  }

  private static InitFailedException startExited(GuestExit e) {
    // The engine gives no instance back when the start function does not return.
    return new InitFailedException(
        "the start function exited with code "
            + e.code()
            + "; an instance whose start function exits cannot"
            + " be snapshotted",
        e);
  }

  /**
   * A trap caused by the limit code names the limit; any other trap is {@code trap} itself. The
   * limit globals tell which: the fuel is 0 only once the budget is spent, the hit marker is set
   * only by a memory guard.
   */
  private static InitFailedException limitOr(
      WasmInstance instance,
      LimitedModule runnable,
      WasmModule original,
      InitCall call,
      InitFailedException trap) {
    InitLimits limits = call.limits();
    if (runnable.frameBudget()
        && instance.global(ReservedNames.FRAME_BYTES).low() > FrameBudget.LIMIT_BYTES) {
      String said = trap.getMessage() == null ? "" : trap.getMessage();
      int at = said.indexOf("trapped: ");
      return new InitFailedException(
          (at < 0 ? "init trapped: " : said.substring(0, at + "trapped: ".length()))
              + "call stack exhausted: the frames of init's calls held more than "
              + Sizes.describe(FrameBudget.LIMIT_BYTES)
              + " of locals (recursion through a function with large frames; Wizer's stack is"
              + " smaller still)",
          trap);
    }
    if (runnable.memoryCap()) {
      int hit = (int) instance.global(ReservedNames.LIMIT_HIT).low();
      if (hit < 0) {
        return new LimitExceededException(
            "init could not grow memory "
                + (-hit - 1)
                + " although its maximum allows it: runtime `"
                + runnable.engine().runtime()
                + "` could not allocate the memory within the JVM's heap limit of "
                + Sizes.describe(Runtime.getRuntime().maxMemory())
                + "; "
                + HeapBudget.MORE_HEAP_OR_LESS_MEMORY,
            trap);
      }
      if (hit != 0) {
        int memory = hit - 1;
        int log2 = original.allMemories().get(memory).pageSizeLog2();
        if (runnable.engine().binds(limits.maxMemoryBytes(), log2)) {
          return new EngineLimitException(
              "init tried to grow memory " + memory + " beyond " + runnable.engine().describe(log2),
              runnable.engine(),
              trap);
        }
        return new LimitExceededException(
            "init tried to grow memory "
                + memory
                + " beyond --max-memory "
                + Sizes.describe(limits.maxMemoryBytes())
                + " ("
                + runnable.capPages()[memory]
                + " pages); raise --max-memory",
            trap);
      }
    }
    if (runnable.fuel() && instance.global(ReservedNames.FUEL).low() == 0) {
      return new OutOfFuelException(
          "init ran out of fuel: --fuel "
              + limits.fuel()
              + " steps (function entries and loop iterations) were not enough; raise --fuel",
          trap);
    }
    return tailCallsExhaustedTheStack(runnable, trap);
  }

  /**
   * A stack exhausted while the module makes tail calls between functions is most likely the
   * engine's doing, not the guest's: wisex runs a function's tail calls to itself as loops, but an
   * engine that gives every other {@code return_call} a frame (Chicory 1.7.5's compiler) runs out
   * on deep mutual tail recursion that Wizer runs in constant stack. Say so instead of leaving a
   * bare trap.
   */
  private static InitFailedException tailCallsExhaustedTheStack(
      LimitedModule runnable, InitFailedException trap) {
    if (trap.getMessage() == null || !trap.getMessage().contains(STACK_EXHAUSTED)) {
      return trap;
    }
    if (!CodeScanner.scan(ModuleParser.parse(runnable.bytes())).tailCalls()) {
      return trap;
    }
    return new InitFailedException(
        trap.getMessage()
            + "; the module makes tail calls between functions (return_call to another"
            + " function), and runtime `"
            + runnable.engine().runtime()
            + "` gives each of those a stack frame (wisex runs only a function's tail calls to"
            + " itself in constant stack), so deep mutual tail recursion cannot run in init here",
        trap);
  }

  /** Calls {@code export}; false if it ended init with an allowed {@code proc_exit(0)}. */
  private static boolean call(
      WasmInstance instance,
      LimitedModule runnable,
      WasmModule original,
      String export,
      InitCall call) {
    LOG.debug("calling `{}`", export);
    try {
      instance.call(export);
      return true;
    } catch (WasmTrapException e) {
      throw limitOr(
          instance,
          runnable,
          original,
          call,
          new InitFailedException("`" + export + "` trapped: " + e.getMessage(), e));
    } catch (GuestExit e) {
      if (e.code() == 0 && call.allowExitZero()) {
        LOG.debug("`{}` exited with code 0; snapshotting the state at exit", export);
        return false;
      }
      throw new InitFailedException(
          "`"
              + export
              + "` exited with code "
              + e.code()
              + (e.code() == 0 ? "; pass --allow-exit-zero to snapshot the state at exit" : ""),
          e);
    }
  }
}
