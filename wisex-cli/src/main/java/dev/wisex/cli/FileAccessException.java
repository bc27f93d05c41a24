package dev.wisex.cli;

import dev.wisex.api.IoFailures;
import dev.wisex.api.WisexException;
import java.io.IOException;

/**
 * The input could not be read or the output could not be written. A {@link WisexException}, so it
 * takes the same one-line, exit-code-1 path as every other failure the user can fix.
 */
final class FileAccessException extends WisexException {
  private static final long serialVersionUID = 1L;

  private FileAccessException(String message, IOException cause) {
    super(message, cause);
  }

  static FileAccessException cannotRead(String what, IOException cause) {
    return new FileAccessException(
        "cannot read `" + what + "`: " + IoFailures.reason(cause), cause);
  }

  static FileAccessException cannotWrite(String what, IOException cause) {
    return new FileAccessException(
        "cannot write `" + what + "`: " + IoFailures.reason(cause), cause);
  }
}
