package dev.wisex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The three vocabularies a message is shown in; the Maven plugin's cases moved here with it. */
class VocabularyTest {
  @Test
  void cliFlagsBecomePluginParameters() {
    assertEquals(
        "the module does not export `setup`: export one or pass its name with <initFunc>",
        Vocabulary.MAVEN.render(
            "the module does not export `setup`: export one or pass its name with --init-func"));
    assertEquals(
        "init ran out of fuel: <fuel> 10 steps were not enough; raise <fuel>",
        Vocabulary.MAVEN.render(
            "init ran out of fuel: --fuel 10 steps were not enough; raise --fuel"));
    assertEquals("use <runtime> graal", Vocabulary.MAVEN.render("use --runtime graal"));
    assertEquals("<wasmMemory64>", Vocabulary.MAVEN.render("--wasm-memory64"));
    assertEquals("<allowWasi>", Vocabulary.MAVEN.render("--allow-wasix"));
    assertEquals(
        "enable it with <wasmRelaxedSimd>=true",
        Vocabulary.MAVEN.render("enable it with --wasm-relaxed-simd=true"));
    assertEquals(
        "<relaxedSimdDeterministic>", Vocabulary.MAVEN.render("--relaxed-simd-deterministic"));
    assertEquals(
        "use <cacheDir> DIR for another directory, or <noCache>",
        Vocabulary.MAVEN.render("use --cache-dir DIR for another directory, or --no-cache"));
    assertEquals(
        "give the JVM at least 4g of heap with -Xmx4g (Maven: MAVEN_OPTS or .mvn/jvm.config,"
            + " -Xmx4g), or lower <maxMemory>",
        Vocabulary.MAVEN.render(
            "give the JVM at least 4g of heap with -Xmx4g (./wisex: WISEX_JAVA_OPTS=-Xmx4g), or"
                + " lower --max-memory"));
  }

  @Test
  void aLongerFlagIsNotMistakenForItsPrefix() {
    assertEquals("add <keepInitFunc>", Vocabulary.MAVEN.render("add --keep-init-func"));
    assertEquals("<dirs> and <mapDirs>", Vocabulary.MAVEN.render("--dir and --mapdir"));
  }

  @Test
  void otherToolsFlagsAndNonFlagsStay() {
    String wasmLd = "link with wasm-ld --shared-memory, or do not share the memory";
    assertEquals(wasmLd, Vocabulary.MAVEN.render(wasmLd));
    assertEquals("rw-r--r--", Vocabulary.MAVEN.render("rw-r--r--"));
    assertEquals("a--fuel", Vocabulary.MAVEN.render("a--fuel"));
    assertEquals("--list-runtimes", Vocabulary.MAVEN.render("--list-runtimes"));
    assertNull(Vocabulary.MAVEN.render(null));
  }

  @Test
  void cliFlagsBecomeBuilderMethodsForTheLibrary() {
    assertEquals(
        "init ran out of fuel: fuel(...) 10 steps were not enough; raise fuel(...)",
        Vocabulary.LIBRARY.render(
            "init ran out of fuel: --fuel 10 steps were not enough; raise --fuel"));
    assertEquals(
        "init called import `wasi_snapshot_preview1.fd_write`, a WASI function, but WASI is off"
            + " during pre-initialization; pass allowWasi(true) to provide it",
        Vocabulary.LIBRARY.render(
            "init called import `wasi_snapshot_preview1.fd_write`, a WASI function, but WASI is off"
                + " during pre-initialization; pass --allow-wasi (library: allowWasi(true)) to"
                + " provide it"));
    assertEquals(
        "give the JVM at least 4g of heap with -Xmx4g, or lower maxMemoryBytes(...)",
        Vocabulary.LIBRARY.render(
            "give the JVM at least 4g of heap with -Xmx4g (./wisex: WISEX_JAVA_OPTS=-Xmx4g), or"
                + " lower --max-memory"));
    assertEquals(
        "enable it with WasmFeatures.simd=true",
        Vocabulary.LIBRARY.render("enable it with --wasm-simd=true"));
  }

  @Test
  void theLibraryHintGoesForTheOtherVocabularies() {
    String message = "pass --allow-wasi (library: allowWasi(true)) to provide it";
    assertEquals("pass <allowWasi> to provide it", Vocabulary.MAVEN.render(message));
    assertEquals(message, Vocabulary.CLI.render(message));
  }

  @Test
  void anExceptionShowsItsMessageInTheVocabularyItIsIn() {
    WisexException e = new LimitExceededException("raise --timeout");
    assertEquals("raise --timeout", e.getMessage());
    assertEquals("raise timeout(...)", e.in(Vocabulary.LIBRARY).getMessage());
    assertEquals("raise <timeout>", e.in(Vocabulary.MAVEN).getMessage());
    assertEquals("dev.wisex.api.LimitExceededException: raise <timeout>", e.toString());
  }
}
