package dev.wisex.runtime.spi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The versions of an engine's jars as the JVM actually loaded them, checked against the release
 * line a backend was built for. An application that already uses the engine brings its own version,
 * and Maven resolves it over wisex's without a word, sometimes for some of the engine's jars only;
 * a backend on such jars fails in the middle of a run with a linkage error, or blames the guest for
 * it. Checked in {@link WasmRuntime#availability()}, the mismatch instead makes the backend
 * unavailable with a reason the user can act on, and the default choice moves to another backend.
 */
public final class EngineJars {
  private EngineJars() {}

  /**
   * One jar of an engine.
   *
   * @param name what the user declares: Maven coordinates, {@code group:artifact}
   * @param present whether the jar's classes are there at all
   * @param version its version as loaded, empty where the jar does not say (a repackaged jar)
   */
  public record Jar(String name, boolean present, Optional<String> version) {
    public Jar {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * The jar that holds class {@code anchor} (looked up without initializing it, in {@code loader}):
   * its version is its module's on the module path, else the Maven metadata ({@code
   * META-INF/maven/GROUP/ARTIFACT/pom.properties}) the jar carries.
   */
  public static Jar mavenJar(String anchor, ClassLoader loader, String groupId, String artifactId) {
    String name = groupId + ":" + artifactId;
    Class<?> found = find(anchor, loader);
    return found == null
        ? new Jar(name, false, Optional.empty())
        : mavenJar(found, name, groupId, artifactId);
  }

  private static Jar mavenJar(Class<?> anchor, String name, String groupId, String artifactId) {
    ModuleDescriptor descriptor = anchor.getModule().getDescriptor();
    if (descriptor != null && descriptor.rawVersion().isPresent()) {
      return new Jar(name, true, descriptor.rawVersion());
    }
    String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        return new Jar(name, true, Optional.empty());
      }
      Properties properties = new Properties();
      properties.load(in);
      return new Jar(name, true, nonBlank(properties.getProperty("version")));
    } catch (IOException | RuntimeException e) {
      return new Jar(name, true, Optional.empty());
    }
  }

  /**
   * The jar that holds class {@code anchor}, with the version it states in a text file of its own
   * ({@code resource}, such as GraalVM's {@code META-INF/graalvm/.../version}).
   */
  public static Jar versionFile(String anchor, ClassLoader loader, String name, String resource) {
    Class<?> found = find(anchor, loader);
    if (found == null) {
      return new Jar(name, false, Optional.empty());
    }
    try (InputStream in = found.getResourceAsStream(resource)) {
      if (in == null) {
        return new Jar(name, true, Optional.empty());
      }
      return new Jar(name, true, nonBlank(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      return new Jar(name, true, Optional.empty());
    }
  }

  /**
   * The jar that holds class {@code anchor}, with the {@code Implementation-Version} its manifest
   * states for {@code section} (GraalVM's language jars: an entry of that name, or main attributes
   * named so), read only from a jar file whose name contains {@code section}: a repackaged jar has
   * lost it anyway.
   */
  public static Jar manifestSection(
      String anchor, ClassLoader loader, String name, String section) {
    Class<?> found = find(anchor, loader);
    if (found == null) {
      return new Jar(name, false, Optional.empty());
    }
    try {
      CodeSource source = found.getProtectionDomain().getCodeSource();
      URL url = source == null ? null : source.getLocation();
      if (url == null || !"file".equals(url.getProtocol())) {
        return new Jar(name, true, Optional.empty());
      }
      Path file = Path.of(url.toURI());
      if (!Files.isRegularFile(file) || !file.getFileName().toString().contains(section)) {
        return new Jar(name, true, Optional.empty());
      }
      try (JarFile jar = new JarFile(file.toFile(), false)) {
        Manifest manifest = jar.getManifest();
        Attributes attributes = manifest == null ? null : manifest.getAttributes(section);
        if (attributes == null
            && manifest != null
            && section.equals(manifest.getMainAttributes().getValue("Name"))) {
          // GraalVM 25's jars write the entry's name among the main attributes.
          attributes = manifest.getMainAttributes();
        }
        return new Jar(
            name,
            true,
            nonBlank(attributes == null ? null : attributes.getValue("Implementation-Version")));
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return new Jar(name, true, Optional.empty());
    }
  }

  private static Class<?> find(String className, ClassLoader loader) {
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * Available if every jar whose version is known is of one release on the line of {@code
   * builtAgainst} (its major and minor version: {@code 1.7.5} accepts {@code 1.7.x}); jars that do
   * not say are not held against it.
   *
   * @param engine the engine's name as users know it, such as {@code Chicory}
   * @param builtAgainst the release the backend was built and tested against
   */
  public static Availability check(String engine, String builtAgainst, List<Jar> jars) {
    String absent =
        jars.stream().filter(j -> !j.present()).map(Jar::name).collect(Collectors.joining(", "));
    if (!absent.isEmpty()) {
      return Availability.no(
          engine
              + " is incomplete: "
              + absent
              + " is not on the class path ("
              + builtAgainst
              + ")");
    }
    String line = line(builtAgainst);
    Set<String> versions =
        jars.stream()
            .flatMap(j -> j.version().stream())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    boolean onLine = versions.stream().allMatch(v -> v.startsWith(line + "."));
    if (onLine && versions.size() <= 1) {
      return Availability.yes();
    }
    String found =
        jars.stream()
            .filter(j -> j.version().isPresent())
            .map(j -> j.name() + " " + j.version().get())
            .collect(Collectors.joining(", "));
    String names = jars.stream().map(Jar::name).collect(Collectors.joining(", "));
    return Availability.no(
        engine
            + "'s jars on the class path are "
            + found
            + (onLine ? ", of different releases" : "")
            + "; this backend needs one "
            + line
            + ".x release of all of "
            + names
            + " (built against "
            + builtAgainst
            + "): declare that version for them in your build, as an application's own"
            + " dependency on "
            + engine
            + " overrides wisex's");
  }

  /** {@code 1.7} of {@code 1.7.5}: the releases a backend built against {@code 1.7.5} accepts. */
  static String line(String version) {
    int first = version.indexOf('.');
    int second = first < 0 ? -1 : version.indexOf('.', first + 1);
    return second < 0 ? version : version.substring(0, second);
  }

  private static Optional<String> nonBlank(String text) {
    return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
  }
}
