/**
 * The pre-initialization pipeline: validate, instrument, instantiate through a runtime backend, run
 * init, snapshot, rewrite. {@link dev.wisex.rewriter.Preinitializer} is the entry point for library
 * users.
 */
// "module": the qualified export names dev.wisex.cli, which is built after this module.
@SuppressWarnings("module")
module dev.wisex.rewriter {
  requires java.management;
  requires transitive dev.wisex.api;
  requires transitive dev.wisex.runtime.spi;
  requires dev.wisex.parser;
  requires dev.wisex.wasix;
  requires org.apache.logging.log4j;

  exports dev.wisex.rewriter;
  // The CLI's own Log4j provider shares the logger base with the library's silent one.
  exports dev.wisex.rewriter.logging to
      dev.wisex.cli;

  uses dev.wisex.runtime.spi.WasmRuntime;

  // Silent unless the application binds a real Log4j2 backend (SilentLogProvider).
  provides org.apache.logging.log4j.spi.Provider with
      dev.wisex.rewriter.logging.SilentLogProvider;
}
