package dev.wisex.api;

import java.util.Objects;

/**
 * Root of every failure wisex reports on purpose. Unchecked, so library users catch one type; the
 * CLI maps any of them to exit code 1 and prints {@link #getMessage()} as the one-line cause. The
 * message names the settings to change in the {@link Vocabulary} of the caller: the library's
 * builder methods from {@code Preinitializer}, the CLI's flags from the command.
 */
public class WisexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private volatile Vocabulary vocabulary = Vocabulary.CLI;

  public WisexException(String message) {
    super(message);
  }

  public WisexException(String message, Throwable cause) {
    super(message, cause);
  }

  /** This failure, its message from now on naming settings in {@code words}. */
  public WisexException in(Vocabulary words) {
    vocabulary = Objects.requireNonNull(words, "words");
    return this;
  }

  @Override
  public String getMessage() {
    return vocabulary.render(super.getMessage());
  }
}
