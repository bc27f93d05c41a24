package dev.wisex.runtime.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import dev.wisex.api.WisexVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tells two builds of one SNAPSHOT version apart, for the compile cache's key: a release's version
 * names its code, but a rebuilt SNAPSHOT jar keeps its version while its compiler may have changed.
 * For a SNAPSHOT it is the size and modification time of the jar a class was loaded from (of every
 * file, for a class directory), as the JVM checks its own class-data-sharing archive; for a release
 * it is empty, so that entries outlive a reinstall. A copy that does not keep modification times
 * costs a recompile, never a stale entry.
 */
final class BuildIdentity {
  private BuildIdentity() {}

  /** Of this backend and of the Chicory compiler it drives, as loaded in this JVM. */
  static String current() {
    return Holder.CURRENT;
  }

  /**
   * Of the code {@code anchor} was loaded from, if {@code version} is a SNAPSHOT: empty for a
   * release and where the location is unknown (no code source, a runtime image).
   */
  static String of(String version, Class<?> anchor) {
    if (!version.endsWith("-SNAPSHOT")) {
      return "";
    }
    CodeSource source = anchor.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    if (url == null || !"file".equals(url.getProtocol())) {
      return "";
    }
    try {
      return ofLocation(Path.of(url.toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * Size and modification time of a jar, or a digest of every file's relative path, size and
   * modification time under a class directory; empty if the location cannot be read.
   */
  static String ofLocation(Path location) {
    try {
      if (Files.isRegularFile(location)) {
        return stamp(Files.readAttributes(location, BasicFileAttributes.class));
      }
      if (Files.isDirectory(location)) {
        return digestOfTree(location);
      }
    } catch (IOException | UncheckedIOException e) {
      // An unreadable location leaves the version alone to key the entries.
    }
    return "";
  }

  private static String digestOfTree(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    StringBuilder listing = new StringBuilder();
    for (Path file : files) {
      listing
          .append(root.relativize(file))
          .append(' ')
          .append(stamp(Files.readAttributes(file, BasicFileAttributes.class)))
          .append('\n');
    }
    byte[] bytes = listing.toString().getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(CacheEntryFormat.sha256(bytes, 0, bytes.length));
  }

  private static String stamp(BasicFileAttributes attributes) {
    return attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
  }

  private static final class Holder {
    static final String CURRENT =
        of(WisexVersion.get(), BuildIdentity.class)
            + "/"
            + of(ChicoryVersion.get(), InterpreterFallback.class);
  }
}
