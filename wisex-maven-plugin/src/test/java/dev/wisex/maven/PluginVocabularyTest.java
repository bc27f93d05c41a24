package dev.wisex.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PluginVocabularyTest {
  @Test
  void cliFlagsBecomePluginParameters() {
    assertEquals(
        "the module does not export `setup`: export one or pass its name with <initFunc>",
        PluginVocabulary.translate(
            "the module does not export `setup`: export one or pass its name with --init-func"));
    assertEquals(
        "init ran out of fuel: <fuel> 10 steps were not enough; raise <fuel>",
        PluginVocabulary.translate(
            "init ran out of fuel: --fuel 10 steps were not enough; raise --fuel"));
    assertEquals("use <runtime> graal", PluginVocabulary.translate("use --runtime graal"));
    assertEquals("<wasmMemory64>", PluginVocabulary.translate("--wasm-memory64"));
    assertEquals("<allowWasi>", PluginVocabulary.translate("--allow-wasix"));
    assertEquals(
        "enable it with <wasmRelaxedSimd>=true",
        PluginVocabulary.translate("enable it with --wasm-relaxed-simd=true"));
    assertEquals(
        "<relaxedSimdDeterministic>", PluginVocabulary.translate("--relaxed-simd-deterministic"));
    assertEquals(
        "use <cacheDir> DIR for another directory, or <noCache>",
        PluginVocabulary.translate("use --cache-dir DIR for another directory, or --no-cache"));
    assertEquals(
        "give the JVM at least 4g of heap with -Xmx4g (Maven: MAVEN_OPTS or .mvn/jvm.config,"
            + " -Xmx4g), or lower <maxMemory>",
        PluginVocabulary.translate(
            "give the JVM at least 4g of heap with -Xmx4g (./wisex: WISEX_JAVA_OPTS=-Xmx4g), or"
                + " lower --max-memory"));
  }

  @Test
  void aLongerFlagIsNotMistakenForItsPrefix() {
    assertEquals("add <keepInitFunc>", PluginVocabulary.translate("add --keep-init-func"));
    assertEquals("<dirs> and <mapDirs>", PluginVocabulary.translate("--dir and --mapdir"));
  }

  @Test
  void otherToolsFlagsAndNonFlagsStay() {
    String wasmLd = "link with wasm-ld --shared-memory, or do not share the memory";
    assertEquals(wasmLd, PluginVocabulary.translate(wasmLd));
    assertEquals("rw-r--r--", PluginVocabulary.translate("rw-r--r--"));
    assertEquals("a--fuel", PluginVocabulary.translate("a--fuel"));
    assertNull(PluginVocabulary.parameter("--list-runtimes"));
    assertNull(PluginVocabulary.translate(null));
  }
}
