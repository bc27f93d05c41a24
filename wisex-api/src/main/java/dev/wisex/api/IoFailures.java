package dev.wisex.api;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason for a file-system failure in words a user reads after the path they typed: NIO's
 * exceptions often carry only that path as their message, and their class names ({@code
 * java.nio.file.NoSuchFileException}) mean nothing at a command line. One place, so the CLI, the
 * Maven plugin and the library say it alike.
 */
public final class IoFailures {
  private IoFailures() {}

  /** {@code no such file or directory}, {@code permission denied}, the system's reason, ... */
  public static String reason(IOException e) {
    String kind =
        switch (e) {
          case NoSuchFileException x -> "no such file or directory";
          case AccessDeniedException x -> "permission denied";
          case NotDirectoryException x -> "not a directory";
          case FileAlreadyExistsException x -> "file already exists";
          case DirectoryNotEmptyException x -> "directory not empty";
          default -> null;
        };
    if (kind != null) {
      return kind;
    }
    if (e instanceof FileSystemException fse) {
      return fse.getReason() != null ? lowerFirst(fse.getReason()) : "cannot be accessed";
    }
    return e.getMessage() != null ? lowerFirst(e.getMessage()) : "an I/O error";
  }

  /**
   * The operating system's {@code Is a directory} reads as {@code is a directory} after a colon.
   */
  private static String lowerFirst(String reason) {
    return reason.length() > 1
            && Character.isUpperCase(reason.charAt(0))
            && Character.isLowerCase(reason.charAt(1))
        ? Character.toLowerCase(reason.charAt(0)) + reason.substring(1)
        : reason;
  }
}
