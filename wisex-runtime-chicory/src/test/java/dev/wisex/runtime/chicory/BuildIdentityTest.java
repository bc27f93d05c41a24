package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuilt SNAPSHOT (same version, other bytes) gets another build identity, and so other compile
 * cache entries; a release keys by its version alone.
 */
class BuildIdentityTest {
  private static final FileTime THEN = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
  private static final FileTime LATER = FileTime.from(Instant.parse("2026-01-02T03:04:06Z"));

  @TempDir Path dir;

  @Test
  void aReleaseIsKeyedByItsVersionAlone() {
    assertEquals("", BuildIdentity.of("1.7.5", BuildIdentity.class));
  }

  @Test
  void aSnapshotIsKeyedByTheCodeItWasLoadedFrom() {
    // These test classes run from a jar or a class directory; either has an identity.
    String identity = BuildIdentity.of("0.1.0-SNAPSHOT", BuildIdentity.class);

    assertTrue(identity.length() > 0, "no identity for the running backend");
    assertEquals(identity, BuildIdentity.of("0.1.0-SNAPSHOT", BuildIdentity.class));
  }

  @Test
  void aRebuiltJarHasAnotherIdentity() throws IOException {
    Path jar = Files.write(dir.resolve("wisex.jar"), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(jar, THEN);
    String first = BuildIdentity.ofLocation(jar);

    assertEquals("3:" + THEN.to(TimeUnit.NANOSECONDS), first);
    assertEquals(first, BuildIdentity.ofLocation(jar), "the same jar, the same identity");

    Files.setLastModifiedTime(jar, LATER);
    String rewritten = BuildIdentity.ofLocation(jar);
    Files.write(jar, new byte[] {1, 2, 3, 4});
    Files.setLastModifiedTime(jar, THEN);
    String resized = BuildIdentity.ofLocation(jar);

    assertNotEquals(first, rewritten);
    assertNotEquals(first, resized);
  }

  @Test
  void aRebuiltClassDirectoryHasAnotherIdentity() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes/dev/wisex"));
    Path a = Files.write(classes.resolve("A.class"), new byte[] {1});
    Files.setLastModifiedTime(a, THEN);
    Path root = dir.resolve("classes");
    String first = BuildIdentity.ofLocation(root);

    assertTrue(first.matches("[0-9a-f]{64}"), first);
    assertEquals(first, BuildIdentity.ofLocation(root));

    Files.setLastModifiedTime(a, LATER);
    String touched = BuildIdentity.ofLocation(root);
    Files.write(classes.resolve("B.class"), new byte[] {2});
    String added = BuildIdentity.ofLocation(root);

    assertNotEquals(first, touched);
    assertNotEquals(touched, added);
  }

  @Test
  void aMissingLocationHasNone() {
    assertEquals("", BuildIdentity.ofLocation(dir.resolve("gone.jar")));
  }

  /**
   * Spring Boot loads a nested jar through {@code jar:nested:} URLs, where the identity was empty,
   * so a rebuilt SNAPSHOT read the previous build's entries: the outer jar stands for it now.
   */
  @Test
  void aJarNestedInAnotherTakesTheOuterJars() throws Exception {
    Path outer = Files.write(dir.resolve("my app+1.jar"), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(outer, THEN);
    URL nested =
        URL.of(
            URI.create(
                "jar:nested:"
                    + outer.toString().replace(" ", "%20")
                    + "/!BOOT-INF/lib/wisex-runtime-chicory-0.1.0-SNAPSHOT.jar!/"),
            new URLStreamHandler() {
              @Override
              protected URLConnection openConnection(URL u) {
                throw new UnsupportedOperationException();
              }
            });
    String before = BuildIdentity.ofUrl(nested);
    assertEquals(BuildIdentity.ofLocation(outer), before);
    assertTrue(before.startsWith("3:"), before);
    Files.setLastModifiedTime(outer, LATER);
    assertNotEquals(before, BuildIdentity.ofUrl(nested), "a rebuilt application, another identity");
  }

  /** Spring Boot 3.1 and older name a nested jar {@code jar:file:OUTER!/BOOT-INF/lib/...!/}. */
  @Test
  void anOlderSpringBootsNestedJarTakesTheOuterJars() throws Exception {
    Path outer = Files.write(dir.resolve("app+2.jar"), new byte[] {1, 2, 3, 4});
    Files.setLastModifiedTime(outer, THEN);
    URL nested =
        URL.of(
            URI.create(
                "jar:"
                    + outer.toUri()
                    + "!/BOOT-INF/lib/wisex-runtime-chicory-0.1.0-SNAPSHOT.jar!/"),
            new URLStreamHandler() {
              @Override
              protected URLConnection openConnection(URL u) {
                throw new UnsupportedOperationException();
              }
            });
    assertEquals(BuildIdentity.ofLocation(outer), BuildIdentity.ofUrl(nested));
    assertTrue(BuildIdentity.ofUrl(nested).startsWith("4:"), BuildIdentity.ofUrl(nested));
  }

  @Test
  void aSnapshotFromNowhereIsKeyedByThisJvmAlone() {
    // No code source (a class of the boot loader): nothing names the build, so nothing is shared.
    String identity = BuildIdentity.of("0.1.0-SNAPSHOT", String.class);
    assertTrue(identity.startsWith("jvm-"), identity);
  }
}
