package dev.wisex.maven;

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
 * Writes a file through a temporary sibling and one rename, so a failed build never leaves a
 * half-written module where a later build step (a packaging plugin, say) would pick it up.
 */
final class AtomicWrite {
  /** What a file created the ordinary way gets under the usual umask 022. */
  private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-r--r--");

  private AtomicWrite() {}

  static void write(Path target, byte[] bytes) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp = Files.createTempFile(absolute.getParent(), ".wisex-", ".tmp");
    try {
      Files.write(temp, bytes);
      PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
      if (view != null) {
        // Temporary files are owner-only; the output should look like any other build output.
        view.setPermissions(
            Files.exists(absolute)
                ? Files.getPosixFilePermissions(absolute)
                : NEW_FILE_PERMISSIONS);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
