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
}
