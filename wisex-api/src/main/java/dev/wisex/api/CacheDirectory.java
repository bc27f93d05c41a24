package dev.wisex.api;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a user's caches live by the XDG Base Directory convention, which Linux desktops and most
 * command-line tools follow (and which is harmless elsewhere).
 */
final class CacheDirectory {
  private CacheDirectory() {}

  /**
   * {@code XDG_CACHE_HOME/wisex} if that is an absolute path (the specification says to ignore a
   * relative one), else {@code HOME/.cache/wisex}, else null.
   */
  static Path userDefault(String xdgCacheHome, String userHome) {
    Path xdg = absolute(xdgCacheHome);
    if (xdg != null) {
      return xdg.resolve("wisex");
    }
    Path home = absolute(userHome);
    return home == null ? null : home.resolve(".cache").resolve("wisex");
  }

  private static Path absolute(String path) {
    if (path == null || path.isEmpty()) {
      return null;
    }
    try {
      Path p = Path.of(path);
      return p.isAbsolute() ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
