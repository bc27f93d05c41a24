package dev.wisex.wasix.fs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.FileTimeSource;
import com.google.common.jimfs.Jimfs;
import dev.wisex.api.MapDir;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The one in-memory file system of a run. Each preopen lives under {@code /preopen/N}; the guest
 * never sees these names (it sees the preopen's guest name), and cannot leave them (see {@link
 * PathResolver}).
 */
public final class Sandbox implements AutoCloseable {
  /**
   * The most the sandbox holds, copied-in trees and guest files together: a write past it fails
   * with {@code ENOSPC}, a file cannot grow past it ({@code EFBIG}). Fixed, so a run fails or
   * succeeds the same on every host.
   */
  public static final long CAPACITY = 1L << 30;

  /** What Jimfs says when its capacity is used up. */
  private static final String FULL = "out of disk space";

  private final FileSystem fs;
  private final List<DirFd> preopens = new ArrayList<>();
  private final List<Path> readOnlyRoots = new ArrayList<>();
  private final HostContents contents = new HostContents();

  /**
   * @param times the timestamp source for files the guest touches (the run's clock)
   * @param copiedTimes the timestamp given to copied-in entries, or {@code null} for the host's
   */
  public Sandbox(List<MapDir> preopens, FileTimeSource times, FileTime copiedTimes) {
    this(preopens, times, copiedTimes, CAPACITY);
  }

  /** A sandbox of another capacity, for tests that fill it. */
  Sandbox(List<MapDir> preopens, FileTimeSource times, FileTime copiedTimes, long capacity) {
    this.fs =
        Jimfs.newFileSystem(
            Configuration.unix().toBuilder()
                .setMaxSize(capacity)
                .setAttributeViews("basic", "unix")
                .setFileTimeSource(times)
                .build());
    try {
      Path base = Files.createDirectories(fs.getPath("/preopen"));
      for (int i = 0; i < preopens.size(); i++) {
        MapDir preopen = preopens.get(i);
        Path root = Files.createDirectory(base.resolve(Integer.toString(i)));
        HostTreeCopier.copy(preopen.host(), root, copiedTimes, contents);
        this.preopens.add(new DirFd(root, root, preopen.guest()));
        if (preopen.readOnly()) {
          readOnlyRoots.add(root);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Brings in the host bytes of the copied-in file {@code path} names, if they are not there yet
   * ({@link HostContents}): every call that reads a file's bytes or size does this first.
   */
  public void materialize(Path path) {
    contents.materialize(path);
  }

  /** Whether {@code e} says the sandbox is full ({@code ENOSPC}). */
  public static boolean isFull(IOException e) {
    return FULL.equals(e.getMessage());
  }

  /** The preopened directories, in fd order from 3. */
  public List<DirFd> preopens() {
    return preopens;
  }

  /**
   * Fails with {@code EROFS} if {@code path} lies in a preopen mapped read-only ({@code :ro}): the
   * check every call that would change the sandbox makes first.
   */
  public void checkWritable(Path path) {
    for (Path root : readOnlyRoots) {
      if (path.startsWith(root)) {
        throw new WasiException(Errno.ROFS);
      }
    }
  }

  @Override
  public void close() {
    try {
      fs.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
