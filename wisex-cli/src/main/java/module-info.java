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

  // The command's model is built in code (CommandModel); picocli reflects only on the annotated
  // model the tests compare it with (AnnotatedModel, in this package on the test module path).
  opens dev.wisex.cli to
      info.picocli;

  uses dev.wisex.runtime.spi.WasmRuntime;
}
