package dev.wisex.wasix.fs;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * The bytes of the host files copied into the sandbox, read only when init first opens or stats a
 * file: a tree mapped for init is often mostly what init never reads (componentize-js maps a
 * project's directory, {@code node_modules} and all: 408 MB, 6,129 files, of which init read a few;
 * copied whole, they took 480 MB of the heap and counted against the sandbox's capacity). Each file
 * is in the sandbox from the start, empty, with its name, place, inode and times; its bytes are
 * copied in the first time a call observes them ({@link #materialize}), keyed by the sandbox file
 * itself, so a link or a rename made before that still finds them. The file keeps the times it has
 * then, as if the bytes had been there all along.
 */
public final class HostContents {
  private final Map<Object, Path> pending = new HashMap<>();

  /** Records that the empty sandbox file {@code file} holds the bytes of {@code host}. */
  synchronized void register(Path file, Path host) throws IOException {
    pending.put(key(file), host);
  }

  /**
   * Copies in the host bytes of the file {@code path} names (not following a final symlink), if it
   * is a copied-in file whose bytes are not there yet; does nothing otherwise. The copy may fail
   * the call: with {@code ENOSPC} when the sandbox is full, {@code EIO} when the host file can no
   * longer be read.
   */
  public synchronized void materialize(Path path) {
    if (pending.isEmpty()) {
      return;
    }
    BasicFileAttributes before;
    try {
      before = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return; // nothing there: the call reports that itself
    }
    if (!before.isRegularFile()) {
      return;
    }
    Path host = pending.remove(before.fileKey());
    if (host == null) {
      return;
    }
    try (InputStream in = Files.newInputStream(host, LinkOption.NOFOLLOW_LINKS);
        OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
      in.transferTo(out);
    } catch (NoSuchFileException e) {
      throw new WasiException(Errno.IO);
    } catch (IOException e) {
      throw new WasiException(Sandbox.isFull(e) ? Errno.NOSPC : Errno.IO);
    }
    try {
      Files.getFileAttributeView(path, BasicFileAttributeView.class)
          .setTimes(before.lastModifiedTime(), before.lastAccessTime(), before.creationTime());
    } catch (IOException e) {
      throw new WasiException(Errno.IO);
    }
  }

  private static Object key(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .fileKey();
  }
}
