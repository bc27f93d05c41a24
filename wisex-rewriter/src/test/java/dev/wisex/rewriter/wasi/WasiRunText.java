package dev.wisex.rewriter.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a WAT template's text, for the tests that fill in a value before assembling. */
final class WasiRunText {
  private WasiRunText() {}

  static byte[] read(String name) {
    String resource = "/wat/wasi/" + name + ".wat";
    try (InputStream in = WasiRunText.class.getResourceAsStream(resource)) {
      if (in != null) {
        return in.readAllBytes();
      }
      Path root =
          Path.of(WasiRunText.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.readAllBytes(root.resolve(resource.substring(1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
