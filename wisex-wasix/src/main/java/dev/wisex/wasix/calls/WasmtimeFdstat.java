package dev.wisex.wasix.calls;

import dev.wisex.wasix.fs.DirFd;
import dev.wisex.wasix.fs.Fd;
import dev.wisex.wasix.fs.FileFd;
import dev.wisex.wasix.fs.FileType;
import dev.wisex.wasix.fs.StreamFd;

/**
 * What {@code fd_fdstat_get} reports in {@code wasi_snapshot_preview1}, as wasmtime (the engine
 * Wizer runs init on) reports it, so that an init that records it (wasi-libc's {@code fcntl}
 * derives an fd's access mode from the rights, StarlingMonkey keeps the buffer in its snapshot)
 * leaves the state Wizer's would. stdio is never a terminal here (as under Wizer in a build or a
 * pipe), so the output does not depend on where wisex runs. WASIX's namespaces keep wasmer's
 * advisory rights ({@link FdMetaCalls#fdFdstatGet}).
 *
 * @param filetype the WASI filetype
 * @param flags the fdflags reported
 * @param base the rights of the fd
 * @param inheriting the rights of fds opened through it
 */
record WasmtimeFdstat(int filetype, int flags, long base, long inheriting) {
  static final long FD_DATASYNC = 1L;
  static final long FD_READ = 1L << 1;
  static final long FD_SEEK = 1L << 2;
  static final long FD_FDSTAT_SET_FLAGS = 1L << 3;
  static final long FD_SYNC = 1L << 4;
  static final long FD_TELL = 1L << 5;
  static final long FD_WRITE = 1L << 6;
  static final long FD_ADVISE = 1L << 7;
  static final long FD_ALLOCATE = 1L << 8;
  static final long PATH_CREATE_DIRECTORY = 1L << 9;
  static final long PATH_CREATE_FILE = 1L << 10;
  static final long PATH_LINK_SOURCE = 1L << 11;
  static final long PATH_LINK_TARGET = 1L << 12;
  static final long PATH_OPEN = 1L << 13;
  static final long FD_READDIR = 1L << 14;
  static final long PATH_READLINK = 1L << 15;
  static final long PATH_RENAME_SOURCE = 1L << 16;
  static final long PATH_RENAME_TARGET = 1L << 17;
  static final long PATH_FILESTAT_GET = 1L << 18;
  static final long PATH_FILESTAT_SET_SIZE = 1L << 19;
  static final long PATH_FILESTAT_SET_TIMES = 1L << 20;
  static final long FD_FILESTAT_GET = 1L << 21;
  static final long FD_FILESTAT_SET_SIZE = 1L << 22;
  static final long FD_FILESTAT_SET_TIMES = 1L << 23;
  static final long PATH_SYMLINK = 1L << 24;
  static final long PATH_REMOVE_DIRECTORY = 1L << 25;
  static final long PATH_UNLINK_FILE = 1L << 26;
  static final long POLL_FD_READWRITE = 1L << 27;

  /** Every right preview1 names, {@code sock_shutdown} and {@code sock_accept} included. */
  static final long ALL = (1L << 30) - 1;

  /** What a preopened directory may do itself: its paths, never its own bytes. */
  static final long PREOPEN =
      PATH_CREATE_DIRECTORY
          | PATH_CREATE_FILE
          | PATH_LINK_SOURCE
          | PATH_LINK_TARGET
          | PATH_OPEN
          | FD_READDIR
          | PATH_READLINK
          | PATH_RENAME_SOURCE
          | PATH_RENAME_TARGET
          | PATH_SYMLINK
          | PATH_REMOVE_DIRECTORY
          | PATH_UNLINK_FILE
          | PATH_FILESTAT_GET
          | PATH_FILESTAT_SET_TIMES
          | FD_FILESTAT_GET
          | FD_FILESTAT_SET_TIMES;

  /** What the files and directories opened through a preopen may do besides. */
  static final long PREOPEN_INHERITING =
      PREOPEN
          | FD_DATASYNC
          | FD_READ
          | FD_SEEK
          | FD_FDSTAT_SET_FLAGS
          | FD_SYNC
          | FD_TELL
          | FD_WRITE
          | FD_ADVISE
          | FD_ALLOCATE
          | FD_FILESTAT_GET
          | FD_FILESTAT_SET_SIZE
          | FD_FILESTAT_SET_TIMES
          | POLL_FD_READWRITE;

  /** The fdflags wasmtime tracks for a file: append, dsync, nonblock, rsync, sync. */
  private static final int FILE_FLAGS = 0x1F;

  /** Those it reports for a directory: the synchronization ones it was opened with. */
  private static final int DIRECTORY_FLAGS = 0x2 | 0x8 | 0x10;

  /**
   * The fdstat of {@code fd}, or null for a kind of fd only WASIX makes (a pipe, an event), which
   * keeps WASIX's answer.
   */
  static WasmtimeFdstat of(Fd fd) {
    if (fd instanceof StreamFd stream) {
      long right = stream.input() ? FD_READ : FD_WRITE;
      return new WasmtimeFdstat(FileType.UNKNOWN, 0, right, right);
    }
    if (fd instanceof DirFd dir && dir.guestName() != null && fd.openRights < 0) {
      return new WasmtimeFdstat(FileType.DIRECTORY, 0, PREOPEN, PREOPEN_INHERITING);
    }
    if (fd instanceof DirFd) {
      // A directory is never open for writing; its offset and size cannot be set.
      long base =
          opened(fd.openRights)
              & ~(FD_WRITE | FD_SEEK | FD_FILESTAT_SET_SIZE)
              & ~PATH_FILESTAT_SET_SIZE;
      return new WasmtimeFdstat(FileType.DIRECTORY, fd.fdflags & DIRECTORY_FLAGS, base, base);
    }
    if (fd instanceof FileFd) {
      long base = opened(fd.openRights);
      return new WasmtimeFdstat(FileType.REGULAR_FILE, fd.fdflags & FILE_FLAGS, base, base);
    }
    return null;
  }

  /** Every right, less reading and writing where {@code path_open} did not ask for them. */
  private static long opened(long requested) {
    long rights = ALL;
    if ((requested & FD_READ) == 0) {
      rights &= ~(FD_READ | FD_READDIR);
    }
    if ((requested & FD_WRITE) == 0) {
      rights &= ~FD_WRITE;
    }
    return rights;
  }
}
