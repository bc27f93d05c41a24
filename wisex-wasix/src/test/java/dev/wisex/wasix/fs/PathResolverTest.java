package dev.wisex.wasix.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guest paths never leave their preopen, however they are spelled. */
class PathResolverTest {
  private FileSystem fs;
  private Path root;
  private DirFd preopen;

  @BeforeEach
  void sandbox() throws IOException {
    fs = Jimfs.newFileSystem(Configuration.unix());
    Files.createDirectories(fs.getPath("/etc"));
    Files.writeString(fs.getPath("/etc/passwd"), "root");
    root = Files.createDirectories(fs.getPath("/preopen/0"));
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/file"), "x");
    Files.createSymbolicLink(root.resolve("etc"), fs.getPath("/etc"));
    Files.createSymbolicLink(root.resolve("a/up"), fs.getPath("../.."));
    Files.createSymbolicLink(root.resolve("a/sibling"), fs.getPath("b"));
    Files.createSymbolicLink(root.resolve("loop"), fs.getPath("loop"));
    preopen = new DirFd(root, root, "/data");
  }

  @AfterEach
  void close() throws IOException {
    fs.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "../x",
        "a/../..",
        "a/b/../../../preopen",
        "/etc/passwd",
        "/",
        "etc/passwd",
        "a/up",
        "a/up/x",
        "/database",
        "/data/../etc"
      })
  void escapesAreRefusedWithEacces(String path) {
    WasiException e =
        assertThrows(WasiException.class, () -> PathResolver.resolve(preopen, path, true));
    assertEquals(Errno.ACCES, e.errno(), path);
  }

  /** WASIX libcs pass absolute paths; those under the preopen's guest name resolve inside it. */
  @Test
  void absolutePathsUnderThePreopensNameResolveInsideIt() {
    assertEquals(root.resolve("a/file"), PathResolver.resolve(preopen, "/data/a/file", true));
    assertEquals(root, PathResolver.resolve(preopen, "/data", true));
    assertEquals(root, PathResolver.resolve(preopen, "/data/", true));
    DirFd sub = new DirFd(root.resolve("a/b"), root, null, "/data");
    assertEquals(root.resolve("a/file"), PathResolver.resolve(sub, "/data/a/file", true));
  }

  @Test
  void dotDotInsideThePreopenIsFine() {
    assertEquals(root.resolve("a/file"), PathResolver.resolve(preopen, "a/b/../file", true));
    assertEquals(root, PathResolver.resolve(preopen, "a/..", true));
    assertEquals(root, PathResolver.resolve(preopen, ".", true));
  }

  @Test
  void symlinksInsideAreFollowedOnlyWhereAsked() {
    assertEquals(root.resolve("a/b"), PathResolver.resolve(preopen, "a/sibling", true));
    assertEquals(root.resolve("a/sibling"), PathResolver.resolve(preopen, "a/sibling", false));
    // A link to an outside target is harmless as long as it is not followed.
    assertEquals(root.resolve("etc"), PathResolver.resolve(preopen, "etc", false));
  }

  @Test
  void aDirectoryFdBelowTheRootCannotClimbAboveTheRoot() {
    DirFd sub = new DirFd(root.resolve("a/b"), root, null);
    assertEquals(root.resolve("a/file"), PathResolver.resolve(sub, "../file", true));
    WasiException e =
        assertThrows(WasiException.class, () -> PathResolver.resolve(sub, "../../..", true));
    assertEquals(Errno.ACCES, e.errno());
  }

  @Test
  void otherErrors() {
    assertEquals(
        Errno.LOOP,
        assertThrows(WasiException.class, () -> PathResolver.resolve(preopen, "loop", true))
            .errno());
    assertEquals(
        Errno.NOENT,
        assertThrows(WasiException.class, () -> PathResolver.resolve(preopen, "", true)).errno());
    assertEquals(
        Errno.NOTDIR,
        assertThrows(WasiException.class, () -> PathResolver.resolve(preopen, "a/file/x", true))
            .errno());
  }
}
