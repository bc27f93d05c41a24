package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wisex.runtime.spi.CacheFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SPI's {@link CacheFiles}, which every cache entry goes through (compiled code, the compile
 * rate, split modules, engine memos): whatever sits in an entry's place costs a run nothing but the
 * cache's help. A sweep put each of these there: a 3 GiB file and a link to /dev/zero failed every
 * later run out of memory, a FIFO hung it, a symlink had a memo written over a file outside the
 * cache, a memo of mode 000 was rewritten as 000.
 */
class CacheFilesTest {
  @TempDir Path dir;

  @Test
  void aRegularEntryIsReadAndAMissingOneIsEmpty() throws IOException {
    Path entry = Files.write(dir.resolve("entry"), new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, CacheFiles.read(entry, 3).orElseThrow());
    assertEquals(Optional.empty(), CacheFiles.read(dir.resolve("absent"), 3));
  }

  @Test
  void anEntryLargerThanItsKindIsNeverLoaded() throws IOException {
    Path entry = dir.resolve("huge");
    try (RandomAccessFile file = new RandomAccessFile(entry.toFile(), "rw")) {
      file.setLength(3L << 30); // sparse: 3 GiB that take no disk
    }
    assertEquals(Optional.empty(), CacheFiles.read(entry, CacheFiles.largestEntry()));
    Path four = Files.write(dir.resolve("four"), new byte[4]);
    assertEquals(Optional.empty(), CacheFiles.read(four, 3));
  }

  @Test
  void aSymlinkDeviceOrDirectoryInAnEntrysPlaceIsNotRead() throws IOException {
    Path target = Files.write(dir.resolve("target"), new byte[] {7});
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);
    assertEquals(Optional.empty(), CacheFiles.read(link, 9));
    Path zero = Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
    assertEquals(Optional.empty(), CacheFiles.read(zero, CacheFiles.largestEntry()));
    assertEquals(Optional.empty(), CacheFiles.read(Files.createDirectory(dir.resolve("d")), 9));
  }

  @Test
  void aFifoInAnEntrysPlaceDoesNotBlockAndIsReplaced() throws Exception {
    Path fifo = dir.resolve("fifo");
    assumeTrue(mkfifo(fifo), "no mkfifo here");
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertEquals(Optional.empty(), CacheFiles.read(fifo, 9)));
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> CacheFiles.replace(fifo, new byte[] {5}));
    assertTrue(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "replaced, not written into");
  }

  @Test
  void aReplacementTakesTheNameNotWhatALinkThereNames() throws IOException {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious data");
    Path entry = Files.createSymbolicLink(dir.resolve("entry"), victim);

    CacheFiles.replace(entry, new byte[] {1});

    assertEquals("precious data", Files.readString(victim));
    assertTrue(Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS));
    assertArrayEquals(new byte[] {1}, CacheFiles.read(entry, 9).orElseThrow());
  }

  @Test
  void aReplacementIsOwnerOnlyWhateverThePermissionsOfTheEntryItReplaces() throws IOException {
    Path entry = Files.write(dir.resolve("entry"), new byte[] {1});
    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("---------"));

    CacheFiles.replace(entry, new byte[] {2});

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)));
  }

  private static boolean mkfifo(Path path) {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
