package dev.wisex.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void parametersMapToTheLibraryOptions() {
    mojo.allowWasi = true;
    mojo.keepInitFunc = true;
    mojo.verify = true;
    mojo.runtime = "chicory";
    mojo.dirs = List.of(dir.toFile());

    WisexOptions options = mojo.options(new WasmFile(input, null, null));

    assertEquals(WisexOptions.DEFAULT_INIT_FUNC, options.initFunc());
    assertTrue(options.allowWasi());
    assertTrue(options.keepInitFunc());
    assertTrue(options.verify());
    assertEquals("chicory", options.runtime());
    assertEquals(List.of(dir), options.dirs());
    assertEquals("counter.wasm", options.programName());
    assertFalse(options.inheritStdio(), "guest output must not interleave with Maven's");
    assertNull(new PreinitMojo().runtime);
  }

  @Test
  void theIntegrationTestProjectsUseThisModule() throws IOException {
    for (String project : List.of("preinit-counter", "missing-init-func")) {
      assertArrayEquals(
          CounterModule.BYTES,
          Files.readAllBytes(Path.of("src/it", project, "src/main/wasm/counter.wasm")),
          project + "'s counter.wasm differs from wat/counter.wat; reassemble it");
    }
  }
}
