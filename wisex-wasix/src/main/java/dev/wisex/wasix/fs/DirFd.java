package dev.wisex.wasix.fs;

import java.nio.file.Path;

/**
 * An open directory: where relative paths start. {@code root} is the preopen it belongs to, the
 * boundary path resolution never crosses.
 */
public final class DirFd extends Fd {
  private final Path path;
  private final Path root;
  private final String guestName;
  private final String rootName;

  /** A preopen ({@code path} is {@code root}) announced as {@code guestName}. */
  public DirFd(Path path, Path root, String guestName) {
    this(path, root, guestName, guestName);
  }

  /**
   * @param rootName the guest name of the preopen {@code root} belongs to, which absolute guest
   *     paths start with
   */
  public DirFd(Path path, Path root, String guestName, String rootName) {
    this.path = path;
    this.root = root;
    this.guestName = guestName;
    this.rootName = rootName;
  }

  @Override
  public int filetype() {
    return FileType.DIRECTORY;
  }

  @Override
  public Path path() {
    return path;
  }

  public Path root() {
    return root;
  }

  /** The guest name of the preopen this directory lies in, or {@code null} if unknown. */
  public String rootName() {
    return rootName;
  }

  /** The name a preopen is announced under ({@code fd_prestat_dir_name}), or {@code null}. */
  public String guestName() {
    return guestName;
  }
}
