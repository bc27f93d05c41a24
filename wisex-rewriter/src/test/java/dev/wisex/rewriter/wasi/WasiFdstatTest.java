package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.wasi.WasiRun.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What init learns from {@code fd_fdstat_get} and {@code fd_filestat_get} in {@code
 * wasi_snapshot_preview1} is what wasmtime, Wizer's engine, tells it: the expected values are those
 * Wizer 11.0.3 left in its output of fdstat.wat (2026-12-05, stdin from /dev/null, stdout and
 * stderr pipes), spelled here as the rights wasmtime's preview1 gives each kind of fd. Before,
 * wisex reported every right for every fd and stdio as a character device: a read-only file read as
 * writable to wasi-libc's {@code fcntl}, and StarlingMonkey's snapshot held 22 bytes Wizer's did
 * not.
 */
class WasiFdstatTest {
  private static final long FD_READ = 1L << 1;
  private static final long FD_SEEK = 1L << 2;
  private static final long FD_WRITE = 1L << 6;
  private static final long FD_READDIR = 1L << 14;
  private static final long PATH_FILESTAT_SET_SIZE = 1L << 19;
  private static final long FD_FILESTAT_SET_SIZE = 1L << 22;
  private static final long ALL = (1L << 30) - 1; // sock_accept is bit 29

  private static final int UNKNOWN = 0;
  private static final int DIRECTORY = 3;
  private static final int REGULAR_FILE = 4;
  private static final int APPEND = 1;
  private static final int ENOTSUP = 58;

  @TempDir Path dir;

  @Test
  void everyKindOfFdReportsWhatWasmtimeReports() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("in.txt"), "hi\n");
    WisexOptions options = WasiRun.options().dir(dir).build();
    Memory m = WasiRun.check(WasiRun.wat("fdstat"), options);
    for (int i = 0; i <= 13; i++) {
      assertEquals(0, m.errno(i), "errno " + i);
    }
    assertFdstat(m, 0, "stdin", UNKNOWN, 0, FD_READ, FD_READ);
    assertFdstat(m, 1, "stdout", UNKNOWN, 0, FD_WRITE, FD_WRITE);
    assertFdstat(m, 2, "stderr", UNKNOWN, 0, FD_WRITE, FD_WRITE);
    assertFdstat(m, 3, "the preopen", DIRECTORY, 0, 0x7B7FE00L, 0xFF7FFFFL);
    long readOnly = ALL & ~FD_WRITE;
    assertFdstat(m, 4, "a file opened to read", REGULAR_FILE, 0, readOnly, readOnly);
    assertFdstat(m, 5, "a file opened to read and append", REGULAR_FILE, APPEND, ALL, ALL);
    long directory = ALL & ~(FD_WRITE | FD_SEEK | FD_FILESTAT_SET_SIZE | PATH_FILESTAT_SET_SIZE);
    assertEquals(directory | FD_READ | FD_READDIR, directory, "opened with both");
    assertFdstat(m, 6, "a directory opened under it", DIRECTORY, 0, directory, directory);
    byte[] stdoutStat = Arrays.copyOfRange(m.bytes(), 512, 576);
    assertArrayEquals(new byte[64], stdoutStat, "stdout's filestat: all zero, filetype unknown");
    assertEquals(ENOTSUP, m.errno(14), "fd_fdstat_set_rights");
  }

  private static void assertFdstat(
      Memory m, int i, String what, int filetype, int flags, long base, long inheriting) {
    int at = 128 + 32 * i;
    assertEquals(filetype, m.bytes()[at], what + ": filetype");
    assertEquals(flags, m.i32(at + 2) & 0xFFFF, what + ": flags");
    assertEquals(base, m.i64(at + 8), what + ": rights");
    assertEquals(inheriting, m.i64(at + 16), what + ": inheriting rights");
  }
}
