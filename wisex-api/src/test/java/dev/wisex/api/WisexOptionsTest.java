package dev.wisex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's one-flag shortcuts land in the group each stage reads, and nowhere else. */
class WisexOptionsTest {
  private static final StdioStreams STREAMS =
      new StdioStreams(null, System.out, System.err); // identity is what is compared

  private static WisexOptions everythingSet() {
    return WisexOptions.builder()
        .initFunc("init")
        .keepInitFunc(true)
        .renameFunc("_start", "main")
        .allowWasi(true)
        .inheritStdio(false)
        .inheritEnv(true)
        .env("A", "1")
        .dir(Path.of("d"))
        .mapDir(new MapDir("/g", Path.of("h"), true))
        .preload("lib", Path.of("lib.wasm"))
        .seed(7)
        .clockEpoch(86_400)
        .nondeterministic(true)
        .allowExitZero(true)
        .programName("app.wasm")
        .stdio(STREAMS)
        .runtime("graal")
        .executionMode(ExecutionMode.INTERPRETER)
        .verify(true)
        .crossCheck(true)
        .cacheDir(Path.of("/c"))
        .fuel(5)
        .timeout(Duration.ofSeconds(3))
        .maxMemoryBytes(1 << 20)
        .build();
  }

  @Test
  void eachShortcutSetsItsGroupsComponent() {
    WisexOptions o = everythingSet();
    assertEquals(new InitRules("init", true, Map.of("_start", "main")), o.init());
    assertEquals(
        new HostAccess(
            true,
            false,
            true,
            Map.of("A", "1"),
            List.of(Path.of("d")),
            List.of(new MapDir("/g", Path.of("h"), true)),
            Map.of("lib", Path.of("lib.wasm")),
            7,
            86_400L,
            true,
            true,
            "app.wasm",
            STREAMS),
        o.host());
    assertEquals(
        new RuntimeChoice("graal", ExecutionMode.INTERPRETER, true, true, Path.of("/c")),
        o.runtime());
    assertEquals(new InitLimits(5, Duration.ofSeconds(3), 1 << 20), o.limits());
    assertEquals(WasmFeatures.defaults(), o.features());
  }

  @Test
  void theDefaultsAreEachGroupsDefaults() {
    WisexOptions o = WisexOptions.defaults();
    assertEquals(InitRules.defaults(), o.init());
    assertEquals(HostAccess.defaults(), o.host());
    assertEquals(RuntimeChoice.defaults(), o.runtime());
    assertEquals(InitLimits.defaults(), o.limits());
    assertEquals("wizex.initialize", o.init().initFunc());
    assertEquals(true, o.host().inheritStdio());
    assertEquals(ExecutionMode.AUTO, o.runtime().executionMode());
  }

  @Test
  void toBuilderKeepsEveryGroupAndAGroupSetterReplacesOnlyItsOwn() {
    WisexOptions o = everythingSet();
    assertEquals(o, o.toBuilder().build());
    WisexOptions hostReset = o.toBuilder().host(HostAccess.defaults()).build();
    assertEquals(HostAccess.defaults(), hostReset.host());
    assertEquals(o.init(), hostReset.init());
    assertEquals(o.runtime(), hostReset.runtime());
    assertNotEquals(o, hostReset);
    assertEquals(InitRules.defaults(), o.toBuilder().init(InitRules.defaults()).build().init());
    assertEquals(
        RuntimeChoice.defaults().withName("chicory"),
        WisexOptions.builder().runtime("chicory").build().runtime());
  }

  @Test
  void eachGroupChecksItsOwnValues() {
    assertThrows(IllegalArgumentException.class, () -> new InitRules("", false, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> WisexOptions.builder().initFunc("").build());
    assertThrows(IllegalArgumentException.class, () -> WisexOptions.builder().env("A=B", "c"));
    HostAccess d = HostAccess.defaults();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new HostAccess(
                d.allowWasi(),
                d.inheritStdio(),
                d.inheritEnv(),
                Map.of("", "x"),
                d.dirs(),
                d.mapDirs(),
                d.preloads(),
                d.seed(),
                d.clockEpoch(),
                d.nondeterministic(),
                d.allowExitZero(),
                d.programName(),
                d.stdio()));
  }

  /** A null reaches no later stage: the builder names the argument (found by a library sweep). */
  @Test
  void theBuilderRefusesNullsWhereTheyAreGiven() {
    WisexOptions.Builder b = WisexOptions.builder();
    assertEquals(
        "preload module",
        assertThrows(NullPointerException.class, () -> b.preload("env", null)).getMessage());
    assertEquals(
        "preload name",
        assertThrows(NullPointerException.class, () -> b.preload(null, Path.of("x.wasm")))
            .getMessage());
    assertEquals("dir", assertThrows(NullPointerException.class, () -> b.dir(null)).getMessage());
    assertEquals(
        "env value", assertThrows(NullPointerException.class, () -> b.env("K", null)).getMessage());
    assertEquals(
        "src",
        assertThrows(NullPointerException.class, () -> b.renameFunc("a", null)).getMessage());
  }

  @Test
  void aRenameNamesEachDestinationAndSourceOnce() {
    WisexOptions.Builder b = WisexOptions.builder().renameFunc("a", "x");
    assertThrows(IllegalArgumentException.class, () -> b.renameFunc("a", "y"));
    assertThrows(IllegalArgumentException.class, () -> b.renameFunc("b", "x"));
    assertEquals(Map.of("a", "x"), b.build().init().renameFuncs());
  }

  /** A result compares by its module's bytes, as a record of an array would not (a sweep found). */
  @Test
  void resultsWithTheSameBytesAreEqual() {
    SnapshotReport report = null;
    WisexResult a = new WisexResult(new byte[] {0, 'a', 's', 'm'}, report);
    WisexResult b = new WisexResult(new byte[] {0, 'a', 's', 'm'}, report);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new WisexResult(new byte[] {0, 'a', 's', 'n'}, report));
    assertEquals("WisexResult[module=4 bytes, report=null]", a.toString());
  }
}
