package dev.wisex.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes files so that readers see either the old content or the complete new content, never a
 * truncated module, and several files (a module and its report) all or none: each regular file (or
 * missing path) is written to a temporary file in its directory, and only when every one is
 * complete do they replace their targets, each in one rename. A symlink is written through: its
 * target is replaced, the link stays. What is not a regular file (a character device such as {@code
 * /dev/null}, a FIFO, {@code /dev/stdout}) is written directly, never replaced. On any failure, and
 * on SIGTERM/SIGINT, the temporary files are deleted and the targets left as they were. Used by the
 * CLI and the Maven plugin, so that no build step picks up a half-written module.
 */
public final class AtomicFile {
  /** What a file created the ordinary way gets under the usual umask 022. */
  private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-r--r--");

  /** Linux's limit on symlinks followed in one lookup. */
  private static final int MAX_LINKS = 40;

  private AtomicFile() {}

  /**
   * Replaces (or creates) {@code target} with {@code content}; its directory must exist.
   *
   * @throws IOException if the file cannot be written; the target is then unchanged
   */
  public static void write(Path target, byte[] content) throws IOException {
    Map<Path, byte[]> one = new LinkedHashMap<>();
    one.put(target, content);
    writeAll(one);
  }

  /**
   * Writes every target or, if one fails, replaces none (a device or FIFO among them, written
   * directly, cannot be taken back).
   *
   * @throws IOException naming the target that failed (a {@link FileSystemException} for a file
   *     written directly); every regular target is then unchanged
   */
  public static void writeAll(Map<Path, byte[]> outputs) throws IOException {
    try (Batch batch = new Batch()) {
      for (Map.Entry<Path, byte[]> output : outputs.entrySet()) {
        batch.add(output.getKey(), output.getValue());
      }
      batch.commit();
    }
  }

  /** Whether {@code target} is written in place rather than through a temporary file and rename. */
  static boolean writesDirectly(Path target) throws IOException {
    return destination(target).direct();
  }

  /** Files written together: staged by {@link #add}, replaced by {@link #commit}, else deleted. */
  public static final class Batch implements AutoCloseable {
    private record Staged(Path tmp, Path target) {}

    private record Direct(Path target, byte[] content) {}

    private final List<Staged> staged = new ArrayList<>();
    private final List<Direct> direct = new ArrayList<>();

    /**
     * Writes {@code content} to a temporary file beside {@code target}'s final file, or keeps it
     * for {@link #commit} if {@code target} is written directly.
     */
    public void add(Path target, byte[] content) throws IOException {
      Destination destination = destination(target);
      if (destination.direct()) {
        direct.add(new Direct(destination.path(), content));
        return;
      }
      Path file = destination.path();
      // Same directory as the target: a rename is atomic only within one file system.
      Path tmp = TemporaryFiles.create(file.getParent());
      staged.add(new Staged(tmp, file));
      Files.write(tmp, content);
      copyPermissions(file, tmp);
    }

    /** Writes the direct targets, then renames every staged file over its target. */
    public void commit() throws IOException {
      for (Direct d : direct) {
        try (OutputStream out =
            Files.newOutputStream(
                d.target(), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          out.write(d.content());
        } catch (IOException e) {
          FileSystemException named =
              new FileSystemException(d.target().toString(), null, IoFailures.reason(e));
          named.initCause(e);
          throw named;
        }
      }
      TemporaryFiles.commit(
          () -> {
            for (Staged s : staged) {
              move(s.tmp(), s.target());
              TemporaryFiles.forget(s.tmp());
            }
            staged.clear();
          });
    }

    /** Deletes what {@link #commit} did not rename. */
    @Override
    public void close() throws IOException {
      IOException failure = null;
      for (Staged s : staged) {
        try {
          TemporaryFiles.delete(s.tmp());
        } catch (IOException e) {
          failure = failure == null ? e : failure;
        }
      }
      staged.clear();
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Where the bytes go, and whether in place. */
  private record Destination(Path path, boolean direct) {}

  /**
   * An existing non-regular file (device, FIFO, socket), or anything under {@code /dev} or {@code
   * /proc} (such as {@code /dev/stdout}, whatever fd 1 is), is written in place; otherwise the file
   * at the end of any symlinks is replaced.
   */
  private static Destination destination(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      attributes = null;
    }
    if (attributes != null && attributes.isDirectory()) {
      throw new FileSystemException(target.toString(), null, "is a directory");
    }
    if (attributes != null
        && (!attributes.isRegularFile()
            || absolute.startsWith("/dev/")
            || absolute.startsWith("/proc/"))) {
      return new Destination(absolute, true);
    }
    Path path = absolute;
    for (int links = 0; Files.isSymbolicLink(path); links++) {
      if (links == MAX_LINKS) {
        throw new FileSystemException(target.toString(), null, "too many symbolic links");
      }
      path = path.getParent().resolve(Files.readSymbolicLink(path));
    }
    return new Destination(path, false);
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
