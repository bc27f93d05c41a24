package dev.wisex.rewriter.init;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.WasmModule;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the module up to its initialized state: instantiate (the start function runs once), call the WASI
 * reactor entry {@code _initialize} if exported, then the init function. Traps become {@link
 * InitFailedException}s that say which step trapped.
 */
public final class InitRunner {
  /** The WASI reactor initializer; wasi-libc traps if it runs twice, so it is called exactly once. */
  public static final String REACTOR_INIT = "_initialize";

  private static final Logger LOG = LogManager.getLogger(InitRunner.class);

  private InitRunner() {}

  /** Returns the initialized instance; the caller closes it. */
  public static WasmInstance run(
      WasmRuntime runtime, byte[] instrumented, WasmModule original, HostImports imports, WisexOptions options) {
    WasmInstance instance;
    try {
      instance = runtime.instantiate(instrumented, imports, new InstanceConfig(options.executionMode()));
    } catch (WasmTrapException e) {
      throw new InitFailedException("start function trapped: " + e.getMessage(), e);
    }
    try {
      boolean reactor =
          original.export(REACTOR_INIT).filter(e -> e.kind() == ExternalKind.FUNCTION).isPresent()
              && !options.initFunc().equals(REACTOR_INIT);
      if (reactor) {
        call(instance, REACTOR_INIT);
      }
      call(instance, options.initFunc());
      return instance;
    } catch (RuntimeException e) {
      instance.close();
      throw e;
    }
  }

  private static void call(WasmInstance instance, String export) {
    LOG.debug("calling `{}`", export);
    try {
      instance.call(export);
    } catch (WasmTrapException e) {
      throw new InitFailedException("`" + export + "` trapped: " + e.getMessage(), e);
    }
  }
}
