package dev.wisex.cli;

import dev.wisex.rewriter.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the input module and writes the output module, where a missing name or {@code -} means the
 * standard stream (as in Wizer), and I/O errors become a {@link FileAccessException} naming the
 * file.
 */
final class ModuleFiles {
  static final String STDIN_NAME = "<stdin>";
  static final String STDOUT_NAME = "<stdout>";

  private ModuleFiles() {}

  static boolean isStandardStream(String name) {
    return name == null || name.equals("-");
  }

  static String displayName(String name, String streamName) {
    return isStandardStream(name) ? streamName : name;
  }

  static byte[] read(String input, InputStream stdin) {
    String shown = displayName(input, STDIN_NAME);
    try {
      return isStandardStream(input) ? stdin.readAllBytes() : Files.readAllBytes(path(input));
    } catch (IOException e) {
      throw FileAccessException.cannotRead(shown, e);
    }
  }

  /**
   * Fails before any work when a file named for writing cannot be created: its directory is missing
   * or is not a directory. (Whether it is writable shows only when it is written.)
   */
  static void checkWritable(String output) {
    if (output == null || isStandardStream(output)) {
      return;
    }
    try {
      Path parent = path(output).toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw Files.exists(parent)
            ? new java.nio.file.NotDirectoryException(parent.toString())
            : new java.nio.file.NoSuchFileException(parent.toString());
      }
    } catch (IOException e) {
      throw FileAccessException.cannotWrite(displayName(output, STDOUT_NAME), e);
    }
  }

  /** Called only after the pipeline succeeded, so a failed run never touches an existing output. */
  static void write(String output, byte[] module, OutputStream stdout) {
    String shown = displayName(output, STDOUT_NAME);
    try {
      if (isStandardStream(output)) {
        stdout.write(module);
        stdout.flush();
        // PrintStream swallows I/O errors (a closed pipe, a full disk); it only records that one
        // happened.
        if (stdout instanceof PrintStream ps && ps.checkError()) {
          throw new IOException("the stream reported an error");
        }
      } else {
        AtomicFile.write(path(output), module);
      }
    } catch (IOException e) {
      throw FileAccessException.cannotWrite(shown, e);
    }
  }

  private static Path path(String name) throws IOException {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
