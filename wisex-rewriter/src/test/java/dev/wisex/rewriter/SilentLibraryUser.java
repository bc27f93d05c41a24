package dev.wisex.rewriter;

import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;

/**
 * A library user that binds no logging backend, run by {@link SilentLibraryTest} in a child JVM:
 * pre-initializes {@code args[0]}, fails on {@code args[1]}, then prints the Log4j factory in use.
 */
final class SilentLibraryUser {
  private SilentLibraryUser() {}

  public static void main(String[] args) throws IOException {
    WisexOptions options = WisexOptions.builder().initFunc("init").build();
    byte[] output =
        new Preinitializer(options).preinitialize(Files.readAllBytes(Path.of(args[0]))).module();
    try {
      new Preinitializer(options).preinitialize(Files.readAllBytes(Path.of(args[1])));
      throw new AssertionError("the second module must fail init");
    } catch (WisexException expected) {
      // A failure a library user handles: it must not print anything by itself either.
    }
    Files.write(Path.of(args[2]), output);
    Files.writeString(
        Path.of(args[3]), LogManager.getContext(false).getClass().getName() + " " + output.length);
  }
}
