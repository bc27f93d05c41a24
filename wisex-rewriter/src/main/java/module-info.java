/**
 * The pre-initialization pipeline: validate, instrument, instantiate through a runtime backend, run
 * init, snapshot, rewrite. {@link dev.wisex.rewriter.Preinitializer} is the entry point for library
 * users.
 */
module dev.wisex.rewriter {
  requires transitive dev.wisex.api;
  requires transitive dev.wisex.runtime.spi;
  requires dev.wisex.parser;
  requires dev.wisex.wasix;
  requires org.apache.logging.log4j;

  exports dev.wisex.rewriter;

  uses dev.wisex.runtime.spi.WasmRuntime;

  // Silent unless the application binds a real Log4j2 backend (SilentLogProvider).
  provides org.apache.logging.log4j.spi.Provider with
      dev.wisex.rewriter.logging.SilentLogProvider;
}
