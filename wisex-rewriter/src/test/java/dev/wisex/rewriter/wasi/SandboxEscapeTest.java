package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wisex.api.MapDir;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.wasi.WasiRun.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape attempts through WASI with two preopens: hard links and renames that leave the tree or
 * cross preopens by climbing, huge iovec counts and pointers past the end of memory. Every one
 * fails with an errno (checked differentially: the snapshot holds exactly those errnos), init
 * itself succeeds, and the host trees are byte-for-byte unchanged.
 */
class SandboxEscapeTest {
  private static final int EACCES = 2;
  private static final int EFAULT = 21;
  private static final int EINVAL = 28;

  @TempDir Path dir;
  Path data;
  Path other;

  @BeforeEach
  void hostTrees() throws IOException {
    data = Files.createDirectories(dir.resolve("data"));
    other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(data.resolve("input.txt"), "hello file");
    Files.writeString(dir.resolve("outside.txt"), "outside the trees");
    Files.createSymbolicLink(data.resolve("to_secret"), Path.of("../outside.txt"));
  }

  @Test
  void everyAttemptFailsCleanlyAndTheHostIsUnchanged() throws Exception {
    String before = HostTrees.hash(dir);
    WisexOptions options =
        WasiRun.options()
            .mapDir(new MapDir("/data", data))
            .mapDir(new MapDir("/other", other))
            .build();

    Memory m = WasiRun.check(WasiRun.wat("escapes"), options);

    assertEquals(EACCES, m.errno(0), "hard link out of the tree");
    assertEquals(EACCES, m.errno(1), "hard link to ../../etc/passwd");
    assertEquals(EACCES, m.errno(2), "hard link to an absolute path");
    assertNotEquals(0, m.errno(3), "hard link through a symlink that points out");
    assertEquals(EACCES, m.errno(4), "rename out of the tree");
    assertEquals(EACCES, m.errno(5), "rename into another preopen by climbing");
    // A rename between two preopens stays inside the sandbox: it may succeed (in Jimfs only).
    int crossed = m.errno(6);
    assertEquals(
        true, crossed == 0 || crossed == 75 /* EXDEV */, "rename across preopens: " + crossed);
    // args_get with pointers out of memory (12) writes nothing and succeeds: preview1 gives init no
    // arguments, as wasmtime does.
    assertEquals(0, m.errno(12), "args_get with nothing to write");
    for (int i = 7; i <= 14; i++) {
      if (i == 12) {
        continue;
      }
      int errno = m.errno(i);
      assertEquals(
          true,
          errno == EFAULT || errno == EINVAL || errno == 61 /* EOVERFLOW */,
          "call " + i + " must fail with EFAULT/EINVAL/EOVERFLOW, not " + errno);
    }
    assertEquals(
        before, HostTrees.hash(dir), "the host trees (and the file next to them) are unchanged");
  }
}
