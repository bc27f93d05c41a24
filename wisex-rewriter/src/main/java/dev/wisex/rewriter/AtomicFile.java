package dev.wisex.rewriter;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a
 * truncated module: the bytes go to a temporary file in the same directory, which then replaces the
 * target in one rename. On any failure the temporary file is deleted and the target is left as it
 * was. Used by the CLI and the Maven plugin, so that no build step picks up a half-written module.
 */
public final class AtomicFile {
  /** What a file created the ordinary way gets under the usual umask 022. */
  private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFile() {}

  /**
   * Replaces (or creates) {@code target} with {@code content}; its directory must exist.
   *
   * @throws IOException if the file cannot be written; the target is then unchanged
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    // Same directory as the target: a rename is atomic only within one file system.
    Path tmp = Files.createTempFile(absolute.getParent(), ".wisex-", ".tmp");
    try {
      Files.write(tmp, content);
      copyPermissions(absolute, tmp);
      try {
        Files.move(
            tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Temporary files are created owner-only; the output should instead look like any file the user
   * writes: an existing target keeps its permissions, a new one gets rw-r--r--.
   */
  private static void copyPermissions(Path target, Path tmp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions =
        Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE_PERMISSIONS;
    view.setPermissions(permissions);
  }
}
