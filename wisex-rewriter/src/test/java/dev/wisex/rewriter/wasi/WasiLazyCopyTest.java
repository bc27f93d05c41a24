package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.api.MapDir;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.wasi.WasiRun.Memory;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapped tree's file bytes come into the sandbox when init first reaches a file, however it
 * reaches it, and not before: what init reads and stats equals the host files, read here in Java,
 * whether the file was renamed, linked, reached through a symlink or had its times set first; and a
 * tree larger than the sandbox runs when init reads little of it (copied whole before, it failed:
 * "out of disk space").
 */
class WasiLazyCopyTest {
  private static final int ENOENT = 44;
  private static final int REGULAR_FILE = 4;

  @TempDir Path tree;

  @BeforeEach
  void hostTree() throws IOException {
    Files.writeString(tree.resolve("a.txt"), "alpha\n");
    Files.writeString(tree.resolve("b.txt"), "bravo bravo\n");
    Files.writeString(tree.resolve("c.txt"), "charlie\n");
    Files.writeString(tree.resolve("d.txt"), "delta!\n");
    Files.createSymbolicLink(tree.resolve("to_d"), Path.of("d.txt"));
    Files.writeString(tree.resolve("e.txt"), "echo echo echo\n");
    Files.writeString(tree.resolve("f.txt"), "foxtrot\n");
  }

  @Test
  void initFindsTheBytesOfEveryFileItReaches() throws IOException {
    check(run());
  }

  @Test
  void aTreeLargerThanTheSandboxRunsWhenInitReadsLittleOfIt() throws IOException {
    try (RandomAccessFile big = new RandomAccessFile(tree.resolve("big.bin").toFile(), "rw")) {
      big.setLength(3L << 30); // sparse: 3 GiB of zeros the host does not store
    }
    check(run());
  }

  private Memory run() {
    WisexOptions options = WasiRun.options().mapDir(new MapDir("/", tree)).build();
    return WasiRun.check(WasiRun.wat("lazy_copy"), options);
  }

  private void check(Memory m) throws IOException {
    for (int i = 0; i <= 16; i++) {
      assertEquals(i == 15 ? ENOENT : 0, m.errno(i), "errno " + i + " (15: f.txt was unlinked)");
    }
    assertStat(m, 0, "a.txt", "alpha\n");
    assertRead(m, 0, "alpha\n");
    assertRead(m, 1, "bravo bravo\n"); // b.txt, renamed to b2.txt before it was read
    assertRead(m, 2, "charlie\n"); // c.txt, read through a hard link made first
    assertRead(m, 3, "delta!\n"); // d.txt, through the symlink to_d
    assertStat(m, 1, "e.txt", "echo echo echo\n");
    assertEquals(111, m.i64(2112 + 40), "e.txt's atim, set before its bytes came in");
    assertEquals(222, m.i64(2112 + 48), "e.txt's mtim");
    assertStat(m, 3, "c.txt", "charlie\n");
    assertEquals(2, m.i64(2240 + 24), "c.txt's links");
  }

  private static void assertStat(Memory m, int k, String name, String content) {
    int at = 2048 + 64 * k;
    assertEquals(REGULAR_FILE, m.bytes()[at + 16], name + ": filetype");
    assertEquals(content.getBytes(StandardCharsets.UTF_8).length, m.i64(at + 32), name + ": size");
  }

  private static void assertRead(Memory m, int k, String content) {
    int count = m.i32(3072 + 4 * k);
    String read = new String(m.bytes(), 4096 + 64 * k, count, StandardCharsets.UTF_8);
    assertEquals(content, read, "read " + k);
  }
}
