package dev.wisex.cli;

import dev.wisex.api.AtomicFile;
import dev.wisex.api.RejectedModuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
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

  /**
   * Whether writing to {@code name} writes to this process's standard output: {@code -}, no name,
   * or a path to the same file ({@code /dev/stdout}, {@code /proc/self/fd/1}, the file stdout is
   * redirected to).
   */
  static boolean isStdout(String name) {
    if (isStandardStream(name)) {
      return true;
    }
    try {
      return Files.isSameFile(Path.of(name), Path.of("/dev/stdout"));
    } catch (IOException | InvalidPathException | SecurityException e) {
      return false; // not there yet, or no /dev/stdout here: not stdout
    }
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
      // Past the largest array, or past the heap: either way nothing was read. A stream without
      // end (a device, a pipe) reaches the array's limit however large the heap.
      long heapMiB = Runtime.getRuntime().maxMemory() / (1 << 20);
      if (heapMiB > 3 * (MAX_INPUT_BYTES >> 20)) {
        throw tooLarge(shown, "is longer than any module");
      }
      throw tooLarge(
          shown,
          "does not fit in the JVM's heap ("
              + heapMiB
              + " MiB; ./wisex: WISEX_JAVA_OPTS=-Xmx"
              + Math.max(8, 2 * (heapMiB >> 10) + 2)
              + "g gives more)");
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

  /**
   * Writes the module and the report (if {@code report} is not null) together: both files appear,
   * or neither changes (see {@link AtomicFile}). Called only after the pipeline succeeded, so a
   * failed run never touches an existing output. A module on stdout is written before the report
   * file is committed, a report on stdout after the module file is.
   */
  static void write(
      String output, byte[] module, String report, byte[] reportJson, OutputStream stdout) {
    String shown = displayName(output, STDOUT_NAME);
    try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
      if (report != null && !isStandardStream(report)) {
        add(batch, report, reportJson);
      }
      if (isStandardStream(output)) {
        writeStdout(shown, module, stdout);
      } else {
        add(batch, output, module);
      }
      try {
        batch.commit();
      } catch (IOException e) {
        throw FileAccessException.cannotWrite(failedFile(e, output, report), e);
      }
      if (report != null && isStandardStream(report)) {
        writeStdout(STDOUT_NAME, reportJson, stdout);
      }
    } catch (IOException e) {
      throw FileAccessException.cannotWrite(shown, e);
    }
  }

  private static void add(AtomicFile.Batch batch, String name, byte[] content) {
    try {
      batch.add(path(name), content);
    } catch (IOException e) {
      throw FileAccessException.cannotWrite(name, e);
    }
  }

  /** Which of the two names the commit failed on, as the user typed it. */
  private static String failedFile(IOException e, String output, String report) {
    if (report != null
        && e instanceof FileSystemException fse
        && fse.getFile() != null
        && Path.of(fse.getFile()).equals(Path.of(report).toAbsolutePath())) {
      return report;
    }
    return output;
  }

  private static void writeStdout(String shown, byte[] content, OutputStream stdout) {
    try {
      stdout.write(content);
      stdout.flush();
      // PrintStream swallows I/O errors (a closed pipe, a full disk); it only records that one
      // happened.
      if (stdout instanceof PrintStream ps && ps.checkError()) {
        throw new IOException("the stream reported an error");
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
