package dev.wisex.runtime.chicory;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.dylibso.chicory.compiler.InterpreterFallback;
import dev.wisex.api.WisexVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
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
  /** For a SNAPSHOT whose jar cannot be found: unique to this JVM. */
  private static final String THIS_JVM = "jvm-" + UUID.randomUUID();

  private BuildIdentity() {}

  /** Of this backend and of the Chicory compiler it drives, as loaded in this JVM. */
  static String current() {
    return Holder.CURRENT;
  }

  /**
   * Of the code {@code anchor} was loaded from, if {@code version} is a SNAPSHOT: empty for a
   * release. A jar nested in another (Spring Boot's {@code jar:nested:} URLs) takes the outer
   * jar's; where the location cannot be read at all (no code source, a runtime image, another
   * scheme) it is this JVM's own, so that no other process reads the entries it writes.
   */
  static String of(String version, Class<?> anchor) {
    if (!version.endsWith("-SNAPSHOT")) {
      return "";
    }
    CodeSource source = anchor.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    String identity = url == null ? "" : ofUrl(url);
    return identity.isEmpty() ? THIS_JVM : identity;
  }

  /** The identity of a {@code file:} location or of the outer jar of a {@code jar:nested:} one. */
  static String ofUrl(URL url) {
    try {
      if ("file".equals(url.getProtocol())) {
        return ofLocation(Path.of(url.toURI()));
      }
      String spec = url.toString();
      String nested = "jar:nested:";
      int end = spec.indexOf("/!");
      if (spec.startsWith(nested) && end > nested.length()) {
        // Percent-encoded; a '+' is a plus here, not a space (no form encoding).
        String path = spec.substring(nested.length(), end).replace("+", "%2B");
        return ofLocation(Path.of(URLDecoder.decode(path, UTF_8)));
      }
      // Spring Boot 3.1 and older: jar:file:/app.jar!/BOOT-INF/lib/x.jar!/
      int outer = spec.indexOf("!/");
      if (spec.startsWith("jar:file:") && outer > 0) {
        return ofLocation(Path.of(new URI(spec.substring("jar:".length(), outer))));
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Unreadable: no identity.
    }
    return "";
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
