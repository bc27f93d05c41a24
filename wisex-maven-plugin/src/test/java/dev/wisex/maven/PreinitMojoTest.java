package dev.wisex.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitLimits;
import dev.wisex.api.MapDir;
import dev.wisex.api.WasmFeatures;
import dev.wisex.api.WisexOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal run directly, configured as Maven would configure it. */
class PreinitMojoTest {
  @TempDir Path dir;
  private File input;
  private PreinitMojo mojo;

  @BeforeEach
  void setUp() throws IOException {
    input = dir.resolve("counter.wasm").toFile();
    Files.write(input.toPath(), CounterModule.BYTES);
    mojo = new PreinitMojo();
    mojo.buildDirectory = dir.resolve("target").toFile();
  }

  @Test
  void writesThePreinitializedModuleNextToTheBuildOutputByDefault()
      throws MojoExecutionException, MojoFailureException, IOException {
    mojo.files = List.of(new WasmFile(input, null, null));

    mojo.execute();

    byte[] output = Files.readAllBytes(dir.resolve("target/counter.init.wasm"));
    CounterModule.assertPreinitialized(output, "wizex.initialize");
  }

  @Test
  void aFileMayNameItsOwnOutputAndInitFunction()
      throws MojoExecutionException, MojoFailureException, IOException {
    Path output = dir.resolve("out/seven.wasm");
    mojo.files = List.of(new WasmFile(input, output.toFile(), "init"));

    mojo.execute();

    CounterModule.assertPreinitialized(Files.readAllBytes(output), "init");
  }

  @Test
  void failsNamingTheMissingInitFunctionAndWritesNothing() {
    mojo.initFunc = "setup";
    mojo.files = List.of(new WasmFile(input, null, null));

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(e.getMessage().contains("`setup`"), e.getMessage());
    assertTrue(e.getMessage().contains("counter.wasm"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("target/counter.init.wasm")));
  }

  /** Found by a sweep of the plugin's parameters: each was accepted and did harm, or refused. */
  @Test
  void anOutputOrReportOverAnotherConfiguredFileIsRefusedBeforeWriting() throws Exception {
    mojo.files = List.of(new WasmFile(input, input, null));
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(
        e.getMessage().contains("<output>") && e.getMessage().contains("<input>"), e.getMessage());
    assertArrayEquals(CounterModule.BYTES, Files.readAllBytes(input.toPath()));

    File output = dir.resolve("target/o.wasm").toFile();
    WasmFile reportOverOutput = new WasmFile(input, output, null);
    reportOverOutput.report = output;
    mojo.files = List.of(reportOverOutput);
    e = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(
        e.getMessage().contains("<report>") && e.getMessage().contains("<output>"), e.getMessage());
    assertFalse(output.exists());
  }

  @Test
  void anInputThatIsADirectoryIsNamedWithTheReasonInWords() throws Exception {
    File directory = Files.createDirectories(dir.resolve("app.wasm")).toFile();
    mojo.files = List.of(new WasmFile(directory, null, null));
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertEquals("wisex: cannot read <input> " + directory + ": is a directory", e.getMessage());
  }

  @Test
  void outputsOfOneNameInTwoDirectoriesAreSkippedEachByItsOwnStamp() throws Exception {
    Path a = dir.resolve("target/a/out.wasm");
    Path b = dir.resolve("target/b/out.wasm");
    mojo.files =
        List.of(new WasmFile(input, a.toFile(), null), new WasmFile(input, b.toFile(), null));
    Files.setLastModifiedTime(input.toPath(), FileTime.fromMillis(1_000_000));
    mojo.execute();
    Files.write(a, new byte[] {1});
    Files.write(b, new byte[] {2});

    mojo.execute();

    assertArrayEquals(new byte[] {1}, Files.readAllBytes(a), "a skipped");
    assertArrayEquals(new byte[] {2}, Files.readAllBytes(b), "b skipped");
  }

  @Test
  void anInputReplacedByAnOlderFileIsWrittenAgain() throws Exception {
    mojo.files = List.of(new WasmFile(input, null, null));
    Path output = dir.resolve("target/counter.init.wasm");
    Files.setLastModifiedTime(input.toPath(), FileTime.fromMillis(1_000_000));
    mojo.execute();
    Files.write(output, new byte[] {1, 2, 3});
    // As `cp -p` of another module: other bytes (a custom section more), an old time.
    Files.write(input.toPath(), concat(CounterModule.BYTES, new byte[] {0, 4, 1, 'x', 'y', 'z'}));
    Files.setLastModifiedTime(input.toPath(), FileTime.fromMillis(1_000_000));

    mojo.execute();

    CounterModule.assertPreinitialized(Files.readAllBytes(output), "wizex.initialize");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void executionModeTakesTheCliSpellingsAndRefusesOthersNamingTheParameter() throws Exception {
    WasmFile file = new WasmFile(input, null, null);
    mojo.executionMode = "Compiler";
    assertEquals(ExecutionMode.COMPILER, mojo.options(file).runtime().executionMode());
    mojo.executionMode = "jit";
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.options(file));
    assertTrue(e.getMessage().contains("<executionMode> `jit`"), e.getMessage());
  }

  @Test
  void aRenameNamedTwiceIsRefusedNamingTheParameter() {
    mojo.renameFuncs = List.of("a=get", "a=set");
    WasmFile file = new WasmFile(input, null, null);
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.options(file));
    assertTrue(
        e.getMessage().contains("<renameFuncs> names the destination `a` twice"), e.getMessage());
  }

  @Test
  void anUpToDateOutputIsSkippedUntilTheInputOrTheConfigurationChanges() throws Exception {
    mojo.files = List.of(new WasmFile(input, null, null));
    Path output = dir.resolve("target/counter.init.wasm");
    mojo.execute();
    assertTrue(stampExists(dir.resolve("target/wisex"), "counter.init.wasm"));
    Files.write(output, new byte[] {1, 2, 3});
    // Older input, as after a first build.
    Files.setLastModifiedTime(input.toPath(), FileTime.fromMillis(1_000_000));

    mojo.execute();
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(output), "skipped");

    mojo.seed = 7;
    mojo.execute();
    CounterModule.assertPreinitialized(Files.readAllBytes(output), "wizex.initialize");

    Files.write(output, new byte[] {1, 2, 3});
    mojo.execute();
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(output), "skipped again");
    Files.setLastModifiedTime(
        input.toPath(), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    mojo.execute();
    CounterModule.assertPreinitialized(Files.readAllBytes(output), "wizex.initialize");

    Files.setLastModifiedTime(input.toPath(), FileTime.fromMillis(1_000_000));
    Files.write(output, new byte[] {1, 2, 3});
    mojo.force = true;
    mojo.execute();
    CounterModule.assertPreinitialized(Files.readAllBytes(output), "wizex.initialize");
  }

  @Test
  void failsWithoutFilesSayingWhatToConfigure() {
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(e.getMessage().contains("<files><file><input>"), e.getMessage());
  }

  @Test
  void failsOnAMissingInputNamingIt() {
    File missing = dir.resolve("nope.wasm").toFile();
    mojo.files = List.of(new WasmFile(missing, null, null));

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(e.getMessage().contains("nope.wasm does not exist"), e.getMessage());
  }

  @Test
  void skipWritesNothing() throws MojoExecutionException, MojoFailureException {
    mojo.skip = true;
    mojo.files = List.of(new WasmFile(input, null, null));

    mojo.execute();

    assertFalse(Files.exists(dir.resolve("target")));
  }

  @Test
  void everyCliOptionHasAParameterWithTheSameMeaning() throws MojoFailureException {
    mojo.baseDirectory = dir.toFile();
    mojo.renameFuncs = List.of("run=init", "a=b=c");
    mojo.env = new LinkedHashMap<>(Map.of("LANG", "C"));
    mojo.inheritEnv = true;
    mojo.mapDirs = List.of("/assets::src/assets", "/abs::" + dir.toAbsolutePath());
    mojo.preloads = List.of("env=lib/env.wasm");
    mojo.seed = 42;
    mojo.nondeterministic = true;
    mojo.allowExitZero = true;
    mojo.fuel = 1000;
    mojo.timeout = "90s";
    mojo.maxMemory = "64KiB";
    mojo.executionMode = "interpreter";
    mojo.wasmSimd = false;
    mojo.wasmMemory64 = false;

    WisexOptions options = mojo.options(new WasmFile(input, null, null));

    assertEquals(Map.of("run", "init", "a", "b=c"), options.init().renameFuncs());
    assertEquals(Map.of("LANG", "C"), options.host().env());
    assertTrue(options.host().inheritEnv());
    assertEquals(
        List.of(
            new MapDir("/assets", dir.resolve("src/assets")),
            new MapDir("/abs", dir.toAbsolutePath())),
        options.host().mapDirs());
    assertEquals(Map.of("env", dir.resolve("lib/env.wasm")), options.host().preloads());
    assertEquals(42, options.host().seed());
    assertTrue(options.host().nondeterministic());
    assertTrue(options.host().allowExitZero());
    assertEquals(new InitLimits(1000, Duration.ofSeconds(90), 65536), options.limits());
    assertEquals(ExecutionMode.INTERPRETER, options.runtime().executionMode());
    assertEquals(new WasmFeatures(true, true, true, false, true, true, false), options.features());
  }

  @Test
  void relaxedSimdFollowsSimdUnlessSetAndCannotOutliveIt() throws MojoFailureException {
    WasmFile file = new WasmFile(input, null, null);
    mojo.wasmSimd = false;
    assertFalse(mojo.options(file).features().relaxedSimd());
    mojo.wasmSimd = true;
    mojo.wasmRelaxedSimd = false;
    mojo.relaxedSimdDeterministic = false;
    WasmFeatures features = mojo.options(file).features();
    assertFalse(features.relaxedSimd());
    assertFalse(features.relaxedSimdDeterministic());
    mojo.wasmSimd = false;
    mojo.wasmRelaxedSimd = true;
    assertMessage(file, "<wasmRelaxedSimd> needs <wasmSimd>");
  }

  @Test
  void theDefaultsAreTheCliDefaults() throws MojoFailureException {
    WisexOptions options = mojo.options(new WasmFile(input, null, null));

    WisexOptions cli = WisexOptions.defaults();
    assertEquals(cli.limits(), options.limits());
    assertEquals(cli.features(), options.features());
    assertEquals(cli.host().seed(), options.host().seed());
    assertEquals(cli.runtime().executionMode(), options.runtime().executionMode());
    assertEquals(cli.host().inheritEnv(), options.host().inheritEnv());
  }

  @Test
  void malformedParametersFailNamingTheParameter() {
    WasmFile file = new WasmFile(input, null, null);
    mojo.renameFuncs = List.of("run");
    assertMessage(file, "<renameFuncs> entry `run` is not of the form DST=SRC");
    mojo.renameFuncs = List.of();
    mojo.preloads = List.of("=x.wasm");
    assertMessage(file, "<preloads> entry `=x.wasm` is not of the form NAME=FILE");
    mojo.preloads = List.of();
    mojo.mapDirs = List.of("assets");
    assertMessage(file, "`assets` is not of the form GUEST::HOST");
    mojo.mapDirs = List.of();
    mojo.timeout = "soon";
    assertMessage(file, "<timeout>: `soon` is not a duration");
    mojo.timeout = "1s";
    mojo.maxMemory = "lots";
    assertMessage(file, "<maxMemory>: `lots` is not a size");
    mojo.maxMemory = "1M";
    mojo.fuel = -1;
    assertMessage(file, "<fuel>");
  }

  private void assertMessage(WasmFile file, String expected) {
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.options(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void failuresNameTheParameterNotTheCliFlag() {
    mojo.initFunc = "setup";
    mojo.files = List.of(new WasmFile(input, null, null));

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(e.getMessage().contains("<initFunc>"), e.getMessage());
    assertFalse(e.getMessage().contains("--init-func"), e.getMessage());
  }

  @Test
  void parametersMapToTheLibraryOptions() throws MojoFailureException {
    mojo.allowWasi = true;
    mojo.keepInitFunc = true;
    mojo.verify = true;
    mojo.runtime = "chicory";
    mojo.dirs = List.of(dir.toFile());

    WisexOptions options = mojo.options(new WasmFile(input, null, null));

    assertEquals(WisexOptions.DEFAULT_INIT_FUNC, options.init().initFunc());
    assertTrue(options.host().allowWasi());
    assertTrue(options.init().keepInitFunc());
    assertTrue(options.runtime().verify());
    assertEquals("chicory", options.runtime().name());
    assertEquals(List.of(dir), options.host().dirs());
    assertEquals("counter.wasm", options.host().programName());
    assertFalse(options.host().inheritStdio(), "guest output must not interleave with Maven's");
    assertNull(new PreinitMojo().runtime);
  }

  @Test
  void theCompileCacheIsKeptWhereCacheDirSaysUnlessNoCache() throws Exception {
    Path cache = dir.resolve("target/wisex/compile-cache");
    mojo.cacheDir = cache.toFile();
    mojo.files = List.of(new WasmFile(input, null, null));

    assertEquals(cache, mojo.options(mojo.files.get(0)).runtime().cacheDir());
    mojo.execute();
    CounterModule.assertPreinitialized(
        Files.readAllBytes(dir.resolve("target/counter.init.wasm")), "wizex.initialize");
    try (var entries = Files.list(cache.resolve("chicory"))) {
      assertEquals(1, entries.filter(f -> f.toString().endsWith(".classes")).count());
    }

    mojo.noCache = true;
    assertNull(mojo.options(mojo.files.get(0)).runtime().cacheDir());
  }

  /** The cache changes how fast an output is written, never what: moving it rebuilds nothing. */
  @Test
  void anotherCacheDirDoesNotMakeAnOutputStale() throws MojoFailureException {
    WasmFile file = new WasmFile(input, null, null);
    File output = file.outputOr(mojo.buildDirectory);
    mojo.cacheDir = dir.resolve("one").toFile();
    OptionsStamp one =
        OptionsStamp.of(mojo.buildDirectory, input, new byte[0], output, null, mojo.options(file));
    mojo.cacheDir = dir.resolve("two").toFile();
    OptionsStamp two =
        OptionsStamp.of(mojo.buildDirectory, input, new byte[0], output, null, mojo.options(file));
    mojo.noCache = true;
    OptionsStamp none =
        OptionsStamp.of(mojo.buildDirectory, input, new byte[0], output, null, mojo.options(file));
    mojo.seed = 1;
    OptionsStamp otherSeed =
        OptionsStamp.of(mojo.buildDirectory, input, new byte[0], output, null, mojo.options(file));

    assertEquals(one.hash(), two.hash());
    assertEquals(one.hash(), none.hash());
    assertFalse(one.hash().equals(otherSeed.hash()), "an option that matters still counts");
  }

  @Test
  void theIntegrationTestProjectsUseThisModule() throws IOException {
    for (String project : List.of("preinit-counter", "missing-init-func", "parameters")) {
      assertArrayEquals(
          CounterModule.BYTES,
          Files.readAllBytes(Path.of("src/it", project, "src/main/wasm/counter.wasm")),
          project + "'s counter.wasm differs from wat/counter.wat; reassemble it");
    }
  }

  /** Whether the stamp of the output named {@code output} is in {@code directory}. */
  static boolean stampExists(Path directory, String output) throws java.io.IOException {
    try (var files = Files.list(directory)) {
      return files.anyMatch(
          f ->
              f.getFileName()
                  .toString()
                  .matches(
                      java.util.regex.Pattern.quote(output) + "-[0-9a-f]{12}\\.options\\.sha256"));
    }
  }
}
