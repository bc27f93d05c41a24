package dev.wisex.cli;

/**
 * A command line that parses but cannot run (for example {@code --report -} with the module on
 * standard output): reported like picocli's usage errors, exit 2, whichever parser read the line.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
