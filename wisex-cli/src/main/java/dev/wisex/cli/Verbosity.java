package dev.wisex.cli;

import dev.wisex.cli.logging.StderrLoggerContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Maps the number of {@code -v} flags to the level of every {@code dev.wisex} logger. Set on every
 * run, so that in-process runs (tests) do not inherit the previous run's level.
 */
final class Verbosity {
  /** The logger all wisex modules log under. */
  static final String ROOT_LOGGER = "dev.wisex";

  private Verbosity() {}

  static Level level(int verboseFlags) {
    return switch (verboseFlags) {
      case -1 -> Level.ERROR; // --quiet
      case 0 -> Level.WARN;
      // -v shows the stages (INFO) and their details, including stack traces of failures (DEBUG).
      case 1 -> Level.DEBUG;
      default -> Level.TRACE;
    };
  }

  /** On the command's own loggers, or through log4j-core when a user configuration runs it. */
  static void apply(int verboseFlags) {
    if (LogManager.getContext(false) instanceof StderrLoggerContext lean) {
      lean.setLevel(ROOT_LOGGER, level(verboseFlags));
    } else {
      Configurator.setLevel(ROOT_LOGGER, level(verboseFlags));
    }
  }
}
