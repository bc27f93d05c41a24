package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.EngineJars;
import dev.wisex.runtime.spi.EngineJars.Jar;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rule that makes a backend unavailable on an engine's jars of another release ({@link
 * EngineJars}), on the mixes Maven resolved for applications that declared their own Chicory (found
 * by running such applications: runtime 1.5.3 beside compiler 1.7.5, all 1.6.1, ...), and the jars
 * this build really loads.
 */
class EngineJarsTest {
  private static Jar jar(String artifact, String version) {
    return new Jar("com.dylibso.chicory:" + artifact, true, Optional.ofNullable(version));
  }

  private static Availability check(Jar... jars) {
    return EngineJars.check("Chicory", "1.7.5", List.of(jars));
  }

  @Test
  void oneReleaseOnTheLineIsAvailable() {
    assertEquals(
        Availability.yes(),
        check(jar("runtime", "1.7.5"), jar("wasm", "1.7.5"), jar("compiler", "1.7.5")));
    assertEquals(
        Availability.yes(),
        check(jar("runtime", "1.7.6"), jar("wasm", "1.7.6"), jar("compiler", "1.7.6")));
  }

  @Test
  void jarsThatStateNoVersionAreNotHeldAgainstIt() {
    assertEquals(
        Availability.yes(),
        check(jar("runtime", null), jar("wasm", "1.7.5"), jar("compiler", null)));
  }

  @Test
  void anotherReleaseLineIsRefusedNamingEveryJarAndTheRelease() {
    Availability refused =
        check(jar("runtime", "1.5.3"), jar("wasm", "1.5.3"), jar("compiler", "1.7.5"));
    assertFalse(refused.available());
    assertEquals(
        "Chicory's jars on the class path are com.dylibso.chicory:runtime 1.5.3,"
            + " com.dylibso.chicory:wasm 1.5.3, com.dylibso.chicory:compiler 1.7.5; this backend"
            + " needs one 1.7.x release of all of com.dylibso.chicory:runtime,"
            + " com.dylibso.chicory:wasm, com.dylibso.chicory:compiler (built against 1.7.5):"
            + " declare that version for them in your build, as an application's own dependency on"
            + " Chicory overrides wisex's",
        refused.reason());
    assertFalse(check(jar("runtime", "1.6.1"), jar("wasm", "1.6.1")).available());
    // 1.70 is no 1.7.x release.
    assertFalse(check(jar("runtime", "1.70.0")).available());
    assertFalse(check(jar("runtime", "2.7.5")).available());
  }

  @Test
  void releasesOfOneLineMixedAreRefused() {
    Availability refused = check(jar("runtime", "1.7.4"), jar("compiler", "1.7.5"));
    assertFalse(refused.available());
    assertTrue(
        refused
            .reason()
            .contains("1.7.4, com.dylibso.chicory:compiler 1.7.5, of different releases"),
        refused.reason());
  }

  @Test
  void aMissingJarIsNamed() {
    Availability refused =
        check(
            jar("runtime", "1.7.5"),
            new Jar("com.dylibso.chicory:compiler", false, Optional.empty()));
    assertEquals(
        "Chicory is incomplete: com.dylibso.chicory:compiler is not on the class path (1.7.5)",
        refused.reason());
  }

  @Test
  void theJarsOfThisBuildAreReadAndFit() {
    Jar runtime =
        EngineJars.mavenJar(
            "com.dylibso.chicory.runtime.Instance",
            getClass().getClassLoader(),
            "com.dylibso.chicory",
            "runtime");
    assertEquals(Optional.of(ChicoryVersion.BUILT_AGAINST), runtime.version());
    Jar absent =
        EngineJars.mavenJar(
            "com.dylibso.chicory.NoSuchClass", getClass().getClassLoader(), "g", "a");
    assertFalse(absent.present());
    assertEquals(Availability.yes(), ChicoryVersion.availability());
  }
}
