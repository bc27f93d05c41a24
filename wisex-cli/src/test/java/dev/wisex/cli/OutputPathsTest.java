package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o} and {@code --report} never replace what is at the path unless it is a regular file: a
 * symlink is written through, a device is written in place (issue 18: {@code -o /dev/null} as root
 * once turned the device into a regular file).
 */
class OutputPathsTest {
  @TempDir Path dir;

  @Test
  void aDeviceAsOutputAndReportStaysADevice() throws Exception {
    // A null device of our own, so the test never risks the system's /dev/null.
    Path device = dir.resolve("null");
    assumeTrue(mknodNull(device), "cannot create a device node (not root?)");
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());

    Cli.Result r = Cli.run("--report", device.toString(), in.toString(), "-o", device.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(Files.readAttributes(device, BasicFileAttributes.class).isOther(), "not a device");
    assertEquals(2, countFiles(), "a temporary file or a new file appeared");
  }

  @Test
  void aSymlinkAsOutputIsWrittenThroughAndKept() throws Exception {
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Path target = Files.write(dir.resolve("target.wasm"), new byte[] {1});
    Path link = Files.createSymbolicLink(dir.resolve("link.wasm"), target.getFileName());
    Path expected = dir.resolve("expected.wasm");
    assertEquals(0, Cli.run(in.toString(), "-o", expected.toString()).exitCode());

    Cli.Result r = Cli.run(in.toString(), "-o", link.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(Files.isSymbolicLink(link));
    assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(target));
  }

  private long countFiles() throws IOException {
    try (var files = Files.list(dir)) {
      return files.count();
    }
  }

  private static boolean mknodNull(Path device) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder("mknod", device.toString(), "c", "1", "3")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
