package dev.wisex.cli;

import dev.wisex.api.WisexException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

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
    return new FileAccessException("cannot read `" + what + "`: " + reason(cause), cause);
  }

  static FileAccessException cannotWrite(String what, IOException cause) {
    return new FileAccessException("cannot write `" + what + "`: " + reason(cause), cause);
  }

  /**
   * The reason in words: NIO's exceptions often carry only the path as their message, which the
   * message already names.
   */
  static String reason(IOException e) {
    String kind =
        switch (e) {
          case NoSuchFileException x -> "no such file or directory";
          case AccessDeniedException x -> "permission denied";
          case NotDirectoryException x -> "not a directory";
          case FileAlreadyExistsException x -> "file already exists";
          default -> null;
        };
    if (kind != null) {
      return kind;
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
