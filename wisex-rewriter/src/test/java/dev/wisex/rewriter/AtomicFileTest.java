package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void writesANewFileReadableLikeAnyOther() throws IOException {
    Path target = dir.resolve("out.wasm");

    AtomicFile.write(target, new byte[] {1, 2, 3});

    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals(List.of("out.wasm"), names(dir));
  }

  @Test
  void replacesAnExistingFileKeepingItsPermissions() throws IOException {
    Path target = Files.write(dir.resolve("out.wasm"), new byte[] {9});
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));

    AtomicFile.write(target, new byte[] {1, 2});

    assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals(List.of("out.wasm"), names(dir));
  }

  @Test
  void aFailedReplaceLeavesTheTargetAndNoTemporaryFile() throws IOException {
    // A non-empty directory cannot be replaced by a file: the final rename fails after the bytes
    // are written.
    Path target = Files.createDirectory(dir.resolve("out.wasm"));
    Files.writeString(target.resolve("keep.txt"), "keep");

    assertThrows(IOException.class, () -> AtomicFile.write(target, new byte[] {1}));

    assertEquals(List.of("out.wasm"), names(dir));
    assertEquals(List.of("keep.txt"), names(target));
  }

  @Test
  void aMissingDirectoryFailsWithoutCreatingAnything() throws IOException {
    Path target = dir.resolve("missing").resolve("out.wasm");

    assertThrows(IOException.class, () -> AtomicFile.write(target, new byte[] {1}));

    assertEquals(List.of(), names(dir));
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
