package dev.wisex.wasix.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy-in keeps the tree, keeps links that stay inside, and drops links that lead out. */
class HostTreeCopierTest {
  @TempDir Path host;

  @AfterEach
  void unlinkOutsideTargets() throws Exception {
    // JUnit warns about links leading out of its temporary directory; remove them first.
    Files.deleteIfExists(host.resolve("tree/to_etc"));
  }

  @Test
  void copiesFilesDirectoriesAndInsideLinksOnly() throws Exception {
    Path tree = Files.createDirectories(host.resolve("tree"));
    Files.writeString(tree.resolve("a.txt"), "A");
    Files.createDirectories(tree.resolve("sub"));
    Files.writeString(tree.resolve("sub/b.txt"), "B");
    Files.writeString(host.resolve("secret.txt"), "S");
    Files.createSymbolicLink(tree.resolve("to_a"), Path.of("a.txt"));
    Files.createSymbolicLink(tree.resolve("sub/to_a"), Path.of("../a.txt"));
    Files.createSymbolicLink(tree.resolve("to_etc"), Path.of("/etc"));
    Files.createSymbolicLink(tree.resolve("to_secret"), Path.of("../secret.txt"));
    FileTime fixed = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
      Path target = Files.createDirectory(fs.getPath("/copy"));
      HostContents contents = new HostContents();
      HostTreeCopier.copy(tree, target, fixed, contents);

      assertEquals(0, Files.size(target.resolve("a.txt")), "the bytes wait for a first use");
      contents.materialize(target.resolve("a.txt"));
      contents.materialize(target.resolve("sub/b.txt"));
      assertEquals("A", Files.readString(target.resolve("a.txt")));
      assertEquals("B", Files.readString(target.resolve("sub/b.txt")));
      assertEquals("a.txt", Files.readSymbolicLink(target.resolve("to_a")).toString());
      assertEquals("../a.txt", Files.readSymbolicLink(target.resolve("sub/to_a")).toString());
      assertFalse(Files.exists(target.resolve("to_etc"), LinkOption.NOFOLLOW_LINKS));
      assertFalse(Files.exists(target.resolve("to_secret"), LinkOption.NOFOLLOW_LINKS));
      assertEquals(fixed, Files.getLastModifiedTime(target.resolve("a.txt")));
    }
    assertTrue(Files.isSymbolicLink(tree.resolve("to_etc")), "the host tree is untouched");
  }
}
