package dev.wisex.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

  @Test
  void writesThroughASymlinkReplacingItsTargetAndKeepingTheLink() throws IOException {
    Path real =
        Files.write(Files.createDirectory(dir.resolve("real")).resolve("m.wasm"), new byte[] {9});
    Path link = Files.createSymbolicLink(dir.resolve("link.wasm"), Path.of("real", "m.wasm"));

    AtomicFile.write(link, new byte[] {1, 2});

    assertTrue(Files.isSymbolicLink(link));
    assertEquals(Path.of("real", "m.wasm"), Files.readSymbolicLink(link));
    assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(real));
    assertEquals(List.of("m.wasm"), names(dir.resolve("real")));
  }

  @Test
  void aDanglingSymlinkGetsItsTargetCreated() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.wasm"), Path.of("new.wasm"));

    AtomicFile.write(link, new byte[] {7});

    assertTrue(Files.isSymbolicLink(link));
    assertArrayEquals(new byte[] {7}, Files.readAllBytes(dir.resolve("new.wasm")));
    assertEquals(List.of("link.wasm", "new.wasm"), names(dir));
  }

  @Test
  void streamsIntoAFifoInsteadOfReplacingIt() throws Exception {
    Path fifo = dir.resolve("out.fifo");
    assumeTrue(succeed("mkfifo", fifo.toString()), "mkfifo is not available");
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readAllBytes(fifo);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });

    AtomicFile.write(fifo, new byte[] {4, 5, 6});

    assertArrayEquals(new byte[] {4, 5, 6}, read.get(30, TimeUnit.SECONDS));
    assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class).isOther(), "still a FIFO");
    assertEquals(List.of("out.fifo"), names(dir));
  }

  @Test
  void streamsIntoACharacterDeviceInsteadOfReplacingIt() throws Exception {
    // A null device of our own (as root), so the test never risks the system's /dev/null.
    Path device = dir.resolve("null");
    assumeTrue(succeed("mknod", device.toString(), "c", "1", "3"), "cannot create a device node");
    assertTrue(AtomicFile.writesDirectly(device));

    AtomicFile.write(device, new byte[] {1, 2, 3});

    assertTrue(Files.readAttributes(device, BasicFileAttributes.class).isOther(), "still a device");
    assertEquals(List.of("null"), names(dir));
  }

  @Test
  void devNullAndDevStdoutAreWrittenInPlace() throws IOException {
    // Only the decision is checked: a write through the rename path would replace the node.
    assertTrue(AtomicFile.writesDirectly(Path.of("/dev/null")));
    assertTrue(AtomicFile.writesDirectly(Path.of("/dev/stdout")));
    assertFalse(AtomicFile.writesDirectly(dir.resolve("out.wasm")));
  }

  @Test
  void outputsCommitTogetherOrNotAtAll() throws IOException {
    Path module = Files.write(dir.resolve("out.wasm"), new byte[] {9});
    Map<Path, byte[]> outputs = new LinkedHashMap<>();
    outputs.put(module, new byte[] {1});
    outputs.put(dir.resolve("missing").resolve("report.json"), new byte[] {2});

    assertThrows(IOException.class, () -> AtomicFile.writeAll(outputs));

    assertArrayEquals(new byte[] {9}, Files.readAllBytes(module), "the module is unchanged");
    assertEquals(List.of("out.wasm"), names(dir));
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Whether {@code command} exits 0 (the testkit's {@code Commands.succeed}, which this module's
   * tests cannot use: the testkit depends on wisex-api).
   */
  private static boolean succeed(String... command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
