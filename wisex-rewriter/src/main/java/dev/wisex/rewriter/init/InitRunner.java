package dev.wisex.rewriter.init;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.names.WasiNames;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.wasix.GuestExit;
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
  private static final Logger LOG = LogManager.getLogger(InitRunner.class);

  private InitRunner() {}

  /** Returns the initialized instance; the caller closes it. */
  public static WasmInstance run(
      WasmRuntime runtime,
      byte[] instrumented,
      WasmModule original,
      HostImports imports,
      WisexOptions options) {
    WasmInstance instance;
    try {
      instance =
          runtime.instantiate(instrumented, imports, new InstanceConfig(options.executionMode()));
    } catch (WasmTrapException e) {
      throw new InitFailedException("start function trapped: " + e.getMessage(), e);
    } catch (GuestExit e) {
      // The engine gives no instance back when the start function does not return.
      throw new InitFailedException(
          "the start function exited with code "
              + e.code()
              + "; an instance whose start function exits cannot"
              + " be snapshotted",
          e);
    }
    try {
      boolean reactor =
          original
                  .export(WasiNames.REACTOR_INIT)
                  .filter(e -> e.kind() == ExternalKind.FUNCTION)
                  .isPresent()
              && !options.initFunc().equals(WasiNames.REACTOR_INIT);
      if (reactor && !call(instance, WasiNames.REACTOR_INIT, options)) {
        return instance;
      }
      call(instance, options.initFunc(), options);
      return instance;
    } catch (RuntimeException e) {
      instance.close();
      throw e;
    }
  }

  /** Calls {@code export}; false if it ended init with an allowed {@code proc_exit(0)}. */
  private static boolean call(WasmInstance instance, String export, WisexOptions options) {
    LOG.debug("calling `{}`", export);
    try {
      instance.call(export);
      return true;
    } catch (WasmTrapException e) {
      throw new InitFailedException("`" + export + "` trapped: " + e.getMessage(), e);
    } catch (GuestExit e) {
      if (e.code() == 0 && options.allowExitZero()) {
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
