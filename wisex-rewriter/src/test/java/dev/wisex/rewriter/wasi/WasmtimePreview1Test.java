package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.rewriter.wasi.WasiRun.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview1 calls on which wasmtime and wasmer differ answer as wasmtime, Wizer's engine: every
 * errno below is the one Wizer 11.0.3 left in its output of wasmtime_p1.wat (2026-12-05). Before,
 * init got its file name as argv[0], CPU-time clocks at 0, success for syncing, advising and
 * setting flags on stdio and directories, a grown file from fd_allocate, and a trap for any socket
 * call or proc_raise, where Wizer's init went on.
 */
class WasmtimePreview1Test {
  private static final int EBADF = 8;
  private static final int EINVAL = 28;
  private static final int ENOTSOCK = 57;
  private static final int ENOTSUP = 58;

  @TempDir Path dir;

  @Test
  void callsWasmtimeAndWasmerAnswerDifferentlyAnswerAsWasmtime() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "hello");
    Memory m = WasiRun.check(WasiRun.wat("wasmtime_p1"), WasiRun.options().dir(dir).build());
    int[] expected = {
      0, // args_sizes_get
      EBADF, // clock_res_get of the process CPU-time clock
      EBADF, // clock_time_get of the thread CPU-time clock
      0, // clock_time_get of the monotonic clock
      EBADF, // fd_sync of stdout
      EBADF, // fd_datasync of the preopen
      EBADF, // fd_advise of stdin
      EBADF, // fd_fdstat_set_flags of stdin (nonblock)
      EBADF, // fd_allocate of stdout
      EBADF, // fd_filestat_set_times of the preopen
      0, // path_open a.txt
      0, // fd_sync of the file
      0, // fd_advise of the file
      ENOTSUP, // fd_allocate of the file
      EINVAL, // fd_fdstat_set_flags of the file: dsync
      0, // fd_fdstat_set_flags of the file: append | nonblock
      0, // fd_fdstat_get of the file
      ENOTSOCK, // sock_accept on the preopen
      EBADF, // sock_recv on fd 99
      ENOTSOCK, // sock_send on stdout
      ENOTSOCK, // sock_shutdown on stdin
      ENOTSUP, // proc_raise
    };
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], m.errno(i), "errno " + i);
    }
    assertEquals(0, m.i32(0), "argc: Wizer gives init no arguments");
    assertEquals(0, m.i32(8), "argv's bytes");
    assertEquals(1 | 4, m.i32(128 + 2) & 0xFFFF, "the file's flags: append | nonblock");
    assertEquals(5, Files.size(dir.resolve("a.txt")), "fd_allocate grew nothing");
  }

  /**
   * poll_oneoff, one subscription at a time, as Wizer 11.0.3 answered poll_fds.wat: every fd event
   * reports 1 byte (a file at its end also hangup), and a subscription wasmtime cannot poll fails
   * the call. Before: the bytes left (0 for stdio), no hangup, and an event with an error, or a
   * ready event, for those.
   */
  @Test
  void pollReportsOneByteAndRefusesWhatWasmtimeCannotPoll() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "hello");
    Files.writeString(dir.resolve("empty.txt"), "");
    Memory m = WasiRun.check(WasiRun.wat("poll_fds"), WasiRun.options().dir(dir).build());
    int fdRead = 1;
    int fdWrite = 2;
    int hangup = 1;
    assertEvent(m, 0, "stdin", fdRead, 0);
    assertEvent(m, 1, "a file with bytes left", fdRead, 0);
    assertEvent(m, 2, "a file at its end", fdRead, hangup);
    assertEvent(m, 3, "stdout", fdWrite, 0);
    int[] refused = {EBADF, EBADF, EBADF, EBADF, EINVAL};
    String[] what = {"fd 99", "reading stdout", "writing stdin", "a directory", "a CPU clock"};
    for (int i = 0; i < refused.length; i++) {
      assertEquals(refused[i], m.errno(4 + i), what[i]);
      assertEquals(0, m.i32(1200 + 4 * (4 + i)), what[i] + ": no events");
    }
  }

  /**
   * path_open refuses what Linux refuses with a directory, as Wizer 11.0.3 answered open_dirs.wat.
   * Before: the directory opened (4 cases), ENOTDIR, EEXIST or EISDIR where wasmtime says EINVAL,
   * ENOTDIR for creating "a.txt/", ELOOP for O_CREAT|O_EXCL on a symlink loop.
   */
  @Test
  void openRefusesWhatLinuxRefusesWithADirectory() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "hello");
    Files.createDirectories(dir.resolve("sub"));
    Files.createSymbolicLink(dir.resolve("loop1"), Path.of("loop2"));
    Files.createSymbolicLink(dir.resolve("loop2"), Path.of("loop1"));
    Memory m = WasiRun.check(WasiRun.wat("open_dirs"), WasiRun.options().dir(dir).build());
    int eisdir = 31;
    int eexist = 20;
    int[] expected = {eisdir, eisdir, eisdir, eisdir, EINVAL, EINVAL, EINVAL, eisdir, eexist, 0, 0};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], m.errno(i), "open " + i);
    }
  }

  private static void assertEvent(Memory m, int i, String what, int type, int flags) {
    int at = 2048 + 32 * i;
    assertEquals(0, m.errno(i), what);
    assertEquals(1, m.i32(1200 + 4 * i), what + ": one event");
    assertEquals(100 + i, m.i64(at), what + ": userdata");
    assertEquals(type, m.bytes()[at + 10], what + ": type");
    assertEquals(1, m.i64(at + 16), what + ": nbytes");
    assertEquals(flags, m.i32(at + 24) & 0xFFFF, what + ": flags");
  }
}
