package dev.wisex.cli;

/** The process exit codes of {@code wisex}, named once so the handlers and the help text agree. */
final class ExitCodes {
  /** The output was written, or help, version or the runtime list was printed. */
  static final int OK = 0;

  /**
   * The module was rejected, init failed, a file could not be read or written, or an internal
   * error.
   */
  static final int FAILURE = 1;

  /** The command line is invalid, or asks for something not supported yet. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
