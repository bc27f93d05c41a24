package dev.wisex.wasix.fs;

import dev.wisex.api.InitFailedException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Copies a host directory tree into the sandbox before init: directories, links and empty files,
 * whose bytes {@link HostContents} reads when init first needs them. With it, the only classes that
 * touch the default file system, and they only read. Symlinks are never followed: a relative link
 * that stays inside the tree is copied as a link, any other is skipped, so nothing outside the tree
 * the user named can reach the guest. Entries are copied in name order, which keeps the sandbox's
 * inode numbers the same on every run.
 */
public final class HostTreeCopier {
  private static final Logger LOG = LogManager.getLogger(HostTreeCopier.class);

  private HostTreeCopier() {}

  /**
   * Copies {@code host} into the existing sandbox directory {@code target}.
   *
   * @param times the timestamp every copied entry gets, or {@code null} to keep the host's times
   */
  public static void copy(Path host, Path target, FileTime times, HostContents contents) {
    if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
      throw new InitFailedException("cannot preopen `" + host + "` for init: it does not exist");
    }
    if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
      throw new InitFailedException("cannot preopen `" + host + "` for init: not a directory");
    }
    try {
      copyDir(host, host, target, times, contents);
    } catch (IOException e) {
      throw new InitFailedException(
          "cannot copy `" + host + "` into the init sandbox: " + e.getMessage(), e);
    }
  }

  private static void copyDir(
      Path root, Path dir, Path target, FileTime times, HostContents contents) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    }
    children.sort(null);
    for (Path child : children) {
      Path to = target.resolve(child.getFileName().toString());
      BasicFileAttributes attrs =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isSymbolicLink()) {
        copyLink(root, child, to);
        continue;
      } else if (attrs.isDirectory()) {
        Files.createDirectory(to);
        copyDir(root, child, to, times, contents);
      } else if (attrs.isRegularFile()) {
        Files.createFile(to);
        contents.register(to, child);
      } else {
        LOG.warn("not copying `{}` into the init sandbox: not a file, directory or symlink", child);
        continue;
      }
      setTimes(
          to,
          times != null ? times : attrs.lastModifiedTime(),
          times != null ? times : attrs.lastAccessTime());
    }
  }

  private static void copyLink(Path root, Path link, Path to) throws IOException {
    Path target = Files.readSymbolicLink(link);
    Path resolved = link.getParent().resolve(target).normalize();
    if (target.isAbsolute() || !resolved.startsWith(root.normalize())) {
      LOG.warn(
          "not copying symlink `{}` -> `{}` into the init sandbox: it points outside `{}`",
          link,
          target,
          root);
      return;
    }
    Files.createSymbolicLink(to, to.getFileSystem().getPath(target.toString()));
  }

  private static void setTimes(Path path, FileTime modified, FileTime accessed) throws IOException {
    Files.getFileAttributeView(path, BasicFileAttributeView.class)
        .setTimes(modified, accessed, modified);
  }
}
