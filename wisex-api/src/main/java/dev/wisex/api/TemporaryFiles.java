package dev.wisex.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The temporary files of outputs not yet committed, deleted on every way out: by {@link
 * AtomicFile}'s own failure handling, and by a shutdown hook on SIGTERM, SIGINT or {@code
 * System.exit}. The hook and the commit exclude each other, so a signal either finds the
 * temporaries and deletes them or finds them already renamed; none is created after it ran.
 */
final class TemporaryFiles {
  private static final Set<Path> LIVE = new LinkedHashSet<>();
  private static boolean hooked;
  private static boolean shuttingDown;

  private TemporaryFiles() {}

  /** An I/O step run while no shutdown can delete the temporaries. */
  @FunctionalInterface
  interface IoStep {
    void run() throws IOException;
  }

  static synchronized Path create(Path dir) throws IOException {
    if (shuttingDown) {
      throw new IOException("the process is shutting down");
    }
    if (!hooked) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(TemporaryFiles::deleteAll, "wisex-delete-temporaries"));
      hooked = true;
    }
    Path tmp = Files.createTempFile(dir, ".wisex-", ".tmp");
    LIVE.add(tmp);
    return tmp;
  }

  static synchronized void commit(IoStep renames) throws IOException {
    if (shuttingDown) {
      throw new IOException("the process is shutting down");
    }
    renames.run();
  }

  /** {@code tmp} was renamed to its target: it no longer exists under its own name. */
  static synchronized void forget(Path tmp) {
    LIVE.remove(tmp);
  }

  static synchronized void delete(Path tmp) throws IOException {
    LIVE.remove(tmp);
    Files.deleteIfExists(tmp);
  }

  private static synchronized void deleteAll() {
    shuttingDown = true;
    for (Path tmp : LIVE) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // Nothing more can be done while the process exits.
      }
    }
    LIVE.clear();
  }
}
