package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MapDir;
import dev.wisex.rewriter.wasi.WasiRun.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path and file calls at POSIX's edges, where a sweep against Wizer (wasmtime's WASI) found the
 * sandbox answering otherwise. The reference is Linux's documented behaviour, which wasmtime showed
 * too: a symlink's size is its target's length; a trailing slash names a directory (ENOTDIR on a
 * file, EISDIR to create one); rmdir of "d/." is EINVAL; a name over 255 bytes is ENAMETOOLONG; a
 * write of nothing changes nothing; ftruncate leaves the offset; a symlink named like a directory,
 * or to an empty target, is ENOENT; a hard link to a symlink is a symlink. Each is checked on both
 * backends (WasiRun.check).
 */
class PosixEdgesTest {
  private static final int EINVAL = 28;
  private static final int EISDIR = 31;
  private static final int ENAMETOOLONG = 37;
  private static final int ENOENT = 44;
  private static final int ENOTDIR = 54;

  @TempDir Path dir;

  @Test
  void callsAtTheEdgesAnswerAsLinux() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("a.txt"), "hello");
    Files.writeString(data.resolve("c.txt"), "c");
    Files.createSymbolicLink(data.resolve("link_a"), Path.of("a.txt"));
    Files.createDirectories(data.resolve("edir"));
    Files.createSymbolicLink(data.resolve("link_edir"), Path.of("edir"));
    Files.createDirectories(data.resolve("r2/deep"));

    Memory m =
        WasiRun.check(
            WasiRun.wat("posix_edges"),
            WasiRun.options().mapDir(new MapDir("/data", data)).build());

    assertEquals(0, m.errno(0));
    assertEquals(7, m.bytes()[2048 + 16], "filetype: symbolic link");
    assertEquals("a.txt".length(), m.i64(2048 + 32), "a symlink's size is its target's length");
    assertEquals(ENOTDIR, m.errno(1), "open a.txt/");
    assertEquals(ENOTDIR, m.errno(2), "unlink c.txt/");
    assertEquals(0, m.errno(3), "c.txt is still there");
    assertEquals(EISDIR, m.errno(4), "create newf/");
    assertEquals(EINVAL, m.errno(5), "rmdir r2/deep/.");
    assertEquals(EISDIR, m.errno(6), "unlink link_edir/ names the directory");
    assertEquals(ENAMETOOLONG, m.errno(7), "a 300-byte name");
    assertEquals(0, m.errno(8), "open a.txt");
    assertEquals(0, m.errno(9), "pwrite of nothing at 100");
    assertEquals(0, m.i32(104), "nothing written");
    assertEquals(0, m.errno(10));
    assertEquals(5, m.i64(2176 + 32), "the size stays 5");
    assertEquals(0, m.errno(11));
    assertEquals(0, m.errno(12), "set_size 2");
    assertEquals(0, m.errno(13));
    assertEquals(4, m.i64(120), "the offset stays at 4 after truncating to 2");
    assertEquals(ENOENT, m.errno(14), "symlink named s/");
    assertEquals(ENOENT, m.errno(15), "symlink to an empty target");
    assertEquals(0, m.errno(16), "path_link link_a hl");
    assertEquals(0, m.errno(17));
    assertEquals(7, m.bytes()[2240 + 16], "linkat without FOLLOW links the symlink, not a.txt");
    assertTrue(Files.isRegularFile(data.resolve("c.txt")), "the host is never written");
  }
}
