package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.MapDir;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.rewriter.wasi.WasiRun.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File system calls during init: on a Jimfs copy of the mapped directory, never on the host. */
class WasiFilesTest {
  private static final int EACCES = 2;
  private static final int EBADF = 8;
  private static final int EEXIST = 20;
  private static final int ENOENT = 44;
  private static final int ENOTDIR = 54;

  @TempDir Path dir;
  Path data;

  @BeforeEach
  void hostTree() throws IOException {
    data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("input.txt"), "hello file");
    Files.createDirectories(data.resolve("nested"));
    Files.writeString(data.resolve("nested/deep.txt"), "deep");
    Files.writeString(dir.resolve("secret.txt"), "outside the tree");
    Files.createSymbolicLink(data.resolve("inside"), Path.of("input.txt"));
    Files.createSymbolicLink(data.resolve("to_etc"), Path.of("/etc"));
    Files.createSymbolicLink(data.resolve("to_secret"), Path.of("../secret.txt"));
  }

  private WisexOptions options() {
    return WasiRun.options().mapDir(new MapDir("/data", data)).build();
  }

  @Test
  void initReadsWritesAndListsInsideTheSandbox() {
    Memory m = WasiRun.check(WasiRun.wat("files"), options());
    assertEquals(0, m.errno(0), "fd_prestat_get");
    assertEquals(5, m.i32(4), "preopen name length");
    assertEquals("/data", m.string(16, 5));
    assertEquals(0, m.errno(2), "path_open input.txt");
    assertEquals(10, m.i32(68), "bytes read");
    assertEquals("hello file", m.string(4096, 10));
    assertEquals(2, m.i64(72), "fd_seek");
    assertEquals(2, m.i64(80), "fd_tell");
    assertEquals(0, m.errno(6));
    assertEquals(EBADF, m.errno(7), "closing twice");
    assertEquals(0, m.errno(8), "create out.txt");
    assertEquals(8, m.i32(92));
    assertEquals(8, m.i32(96), "read back");
    assertEquals("written!", m.string(4200, 8));
    assertEquals(0, m.errno(12));
    assertEquals(4, m.bytes()[128 + 16], "filestat filetype: regular file");
    assertEquals(10, m.i64(128 + 32), "filestat size");
    assertEquals(0, m.errno(13));
    assertEquals(EEXIST, m.errno(14));
    assertEquals(0, m.errno(15), "rename");
    assertEquals(0, m.errno(16), "unlink");
    assertEquals(0, m.errno(17), "rmdir");
    assertEquals(0, m.errno(18), "symlink");
    assertEquals(0, m.errno(19), "readlink");
    assertEquals("input.txt", m.string(4300, m.i32(204)));
    assertEquals(0, m.errno(28), "readdir");
    assertEquals(0, m.errno(29));
    assertEquals(8, m.i64(400 + 32), "size of the open out.txt");
    assertEquals(0, m.errno(31), "open through a symlink");
    assertEquals("file", m.string(4500, 4), "pread at offset 6");
    assertEquals(0, m.errno(33));
    assertEquals(3, m.bytes()[120], "fdstat filetype: directory");
  }

  @Test
  void fileMetadataCalls() {
    Memory m = WasiRun.check(WasiRun.wat("file_meta"), options());
    for (int i = 0; i <= 20; i++) {
      // fd_allocate (5) and fd_fdstat_set_rights (12) are not supported in preview1, as in
      // wasmtime (WasiFdstatTest, WasmtimePreview1Test).
      assertEquals(i == 5 || i == 12 ? 58 : 0, m.errno(i), "errno " + i);
    }
    assertEquals(6, m.i32(68), "pwrite count");
    assertEquals(10, m.i64(128 + 32), "pwrite at 4 extends the file to 10");
    assertEquals(3, m.i64(192 + 32), "set_size truncates");
    assertEquals(3, m.i64(256 + 32), "allocate is not supported: the size stays");
    assertEquals(1, m.bytes()[322], "append flag stored");
    assertEquals(123456789, m.i64(384 + 40), "atim");
    assertEquals(987654321, m.i64(384 + 48), "mtim");
    assertEquals(1, m.i64(448 + 40));
    assertEquals(2, m.i64(448 + 48));
    assertEquals(m.i64(448 + 8), m.i64(512 + 8), "a hard link shares the inode");
    assertEquals(2, m.i64(512 + 24), "nlink");
    assertEquals(EBADF, m.errno(21), "the renumbered-from fd is closed");
    assertEquals(28, m.errno(22), "ATIM with ATIM_NOW is EINVAL");
    assertEquals(EBADF, m.errno(23), "fd_allocate on a directory");
    assertEquals(70, m.errno(24), "seeking stdout is ESPIPE (70 in the witx errno enum)");
    assertEquals(ENOTDIR, m.errno(25));
    assertEquals(0, m.errno(26));
    assertEquals(31, m.errno(27), "unlinking a directory is EISDIR");
    assertEquals(0, m.errno(28));
    assertEquals(55, m.errno(29), "removing a non-empty directory is ENOTEMPTY");
  }

  @Test
  void pathsCannotEscapeThePreopen() {
    Memory m = WasiRun.check(WasiRun.wat("files"), options());
    assertEquals(EACCES, m.errno(20), "`..` above the preopen");
    assertEquals(EACCES, m.errno(21), "an absolute path");
    assertEquals(0, m.errno(22), "a symlink to /etc may be created...");
    assertEquals(EACCES, m.errno(23), "...but not followed");
    assertEquals(0, m.errno(24));
    assertEquals(EACCES, m.errno(25), "a relative symlink climbing out");
    assertEquals(ENOENT, m.errno(26));
    assertEquals(ENOTDIR, m.errno(27));
  }

  @Test
  void readdirListsTheCopiedTreeWithoutLinksThatLeaveIt() {
    Memory m = WasiRun.check(WasiRun.wat("files"), options());
    List<String> names = DirentNames.parse(m.bytes(), 4400, m.i32(200));
    // to_etc and to_secret point outside the tree and were not copied; alias and etc, up were made
    // by init.
    assertEquals(List.of(".", "..", "alias", "etc", "input.txt", "inside", "nested", "up"), names);
  }

  @Test
  void theHostTreeIsNeverWritten() throws Exception {
    String before = HostTrees.hash(dir);
    WasiRun.check(WasiRun.wat("files"), options());
    assertEquals(before, HostTrees.hash(dir));
    assertTrue(Files.notExists(data.resolve("out.txt")));
  }

  @Test
  void aMissingDirectoryFailsInit() {
    WisexOptions options =
        WasiRun.options().mapDir(new MapDir("/data", dir.resolve("missing"))).build();
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> new Preinitializer(options).preinitialize(WasiRun.wat("files")));
    assertTrue(e.getMessage().endsWith("missing` for init: it does not exist"), e.getMessage());
  }
}
