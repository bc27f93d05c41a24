package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine memo stays bounded (past its limit the least recently used memos go first) and is
 * found by the module's bytes.
 */
class EngineMemoTest {
  @TempDir Path cache;

  @Test
  void trimDeletesTheLeastRecentlyUsedQuarterPastTheLimit() throws IOException {
    Path directory = Files.createDirectories(cache.resolve(EngineMemo.SUBDIRECTORY));
    long now = System.currentTimeMillis();
    for (int i = 0; i < 10; i++) {
      Path memo = Files.writeString(directory.resolve("memo" + i), "graal\n");
      Files.setLastModifiedTime(memo, FileTime.fromMillis(now - (10 - i) * 60_000L));
    }
    EngineMemo.trim(directory, 10);
    assertEquals(10, names(directory).size(), "at the limit nothing goes");
    // memo0 is the oldest; using it makes it the newest.
    Files.setLastModifiedTime(directory.resolve("memo0"), FileTime.fromMillis(now));
    EngineMemo.trim(directory, 8);
    // 10 > 8: down to 6, the four least recently used (memo1 to memo4) deleted.
    assertEquals(
        new TreeSet<>(Set.of("memo0", "memo5", "memo6", "memo7", "memo8", "memo9")),
        names(directory));
  }

  @Test
  void recallMarksTheMemoUsedAndRememberKeepsTheDirectoryBounded() throws IOException {
    byte[] module = "module".getBytes(StandardCharsets.UTF_8);
    EngineMemo memo = EngineMemo.of(cache, module);
    memo.remember("chicory");
    Path directory = cache.resolve(EngineMemo.SUBDIRECTORY);
    Path file;
    try (Stream<Path> files = Files.list(directory)) {
      file = files.findFirst().orElseThrow();
    }
    Files.setLastModifiedTime(file, FileTime.fromMillis(0));
    assertEquals(Optional.of("chicory"), memo.recall());
    assertTrue(
        Files.getLastModifiedTime(file).toMillis() > 0, "recall marks the memo used, for trim");
    for (int i = 0; i < EngineMemo.MAX_MEMOS; i++) {
      Files.writeString(directory.resolve("other" + i), "graal\n");
    }
    EngineMemo.of(cache, "another module".getBytes(StandardCharsets.UTF_8)).remember("graal");
    int left = names(directory).size();
    assertTrue(left <= EngineMemo.MAX_MEMOS * 3 / 4 + 1, left + " memos left");
  }

  @Test
  void modulesThatDifferInOneBitOrInLengthHaveMemosOfTheirOwn() {
    byte[] module = new byte[4096];
    new java.util.Random(7).nextBytes(module);
    EngineMemo.of(cache, module).remember("chicory");
    for (int bit = 0; bit < module.length * 8; bit += 61) {
      byte[] other = module.clone();
      other[bit / 8] ^= (byte) (1 << (bit % 8));
      assertEquals(Optional.empty(), EngineMemo.of(cache, other).recall(), "bit " + bit);
    }
    assertEquals(
        Optional.empty(),
        EngineMemo.of(cache, java.util.Arrays.copyOf(module, module.length + 1)).recall());
    assertEquals(Optional.of("chicory"), EngineMemo.of(cache, module.clone()).recall());
  }

  private static TreeSet<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(f -> f.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
