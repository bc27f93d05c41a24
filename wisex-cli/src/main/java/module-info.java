/**
 * The {@code wisex} command line: Wizer-compatible flags, Log4j2 logging to stderr, and atomic
 * output, on top of the library entry point {@link dev.wisex.rewriter.Preinitializer}.
 */
module dev.wisex.cli {
  requires dev.wisex.rewriter;
  requires info.picocli;
  requires org.apache.logging.log4j;
  // Only with a user's Log4j configuration file (CliLogProvider); then the configuration without
  // one is built in code (StderrLogging); -v and -vv change levels at run time.
  requires org.apache.logging.log4j.core;

  // Log4j instantiates the logging configuration (StderrLogging) named in
  // log4j2.component.properties.
  exports dev.wisex.cli to
      org.apache.logging.log4j.core;
  // ... and the provider (CliLogProvider) named there.
  exports dev.wisex.cli.logging to
      org.apache.logging.log4j;

  // picocli fills the option fields and reads the version provider reflectively.
  opens dev.wisex.cli to
      info.picocli;

  uses dev.wisex.runtime.spi.WasmRuntime;
}
