package dev.wisex.wasix.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.MapDir;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full sandbox answers {@code ENOSPC} (51), as a full disk does, not {@code EIO}. */
class SandboxCapacityTest {
  @TempDir Path empty;

  @Test
  void writesPastAFullSandboxAreEnospc() throws IOException {
    List<MapDir> preopens = List.of(new MapDir("/t", empty));
    try (Sandbox sandbox = new Sandbox(preopens, () -> FileTime.fromMillis(0), null, 64 * 1024)) {
      Path path = sandbox.preopens().get(0).root().resolve("file");
      FileChannel channel =
          FileChannel.open(
              path,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileFd file = new FileFd(path, channel, true, true, 0);
      assertEquals(32 * 1024, file.write(new byte[32 * 1024]));
      WasiException full = assertThrows(WasiException.class, () -> file.write(new byte[64 * 1024]));
      assertEquals(Errno.NOSPC, full.errno());
      WasiException grow = assertThrows(WasiException.class, () -> file.truncate(256 * 1024));
      assertEquals(Errno.NOSPC, grow.errno());
      file.close();
    }
  }
}
