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

  public DirFd(Path path, Path root, String guestName) {
    this.path = path;
    this.root = root;
    this.guestName = guestName;
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

  /** The name a preopen is announced under ({@code fd_prestat_dir_name}), or {@code null}. */
  public String guestName() {
    return guestName;
  }
}
