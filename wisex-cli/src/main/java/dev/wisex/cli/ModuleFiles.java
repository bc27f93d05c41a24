package dev.wisex.cli;

import dev.wisex.api.RejectedModuleException;
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
      if (isStandardStream(input)) {
        return stdin.readAllBytes();
      }
      Path file = path(input);
      if (Files.isRegularFile(file) && Files.size(file) > MAX_INPUT_BYTES) {
        throw tooLarge(shown, "is " + Files.size(file) + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw FileAccessException.cannotRead(shown, e);
    } catch (OutOfMemoryError e) {
      // Past the largest array, or past the heap: either way nothing was read.
      throw tooLarge(
          shown,
          "does not fit in the JVM's heap ("
              + Runtime.getRuntime().maxMemory() / (1 << 20)
              + " MiB; ./wisex: WISEX_JAVA_OPTS=-Xmx8g gives more)");
    }
  }

  /** A module is read into one Java array. */
  static final long MAX_INPUT_BYTES = Integer.MAX_VALUE - 8;

  private static RejectedModuleException tooLarge(String shown, String why) {
    return new RejectedModuleException(
        "`"
            + shown
            + "` "
            + why
            + "; wisex reads modules of at most "
            + MAX_INPUT_BYTES
            + " bytes (2 GiB, one Java array)");
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
