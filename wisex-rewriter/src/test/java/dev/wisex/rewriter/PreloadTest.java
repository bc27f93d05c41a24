package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.RejectedModuleException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.ModuleParser;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.testkit.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --preload NAME=FILE}: init's imports from {@code NAME} call the preloaded module's
 * exports; the snapshot holds what they returned and the output still imports them.
 */
class PreloadTest {
  @TempDir Path dir;

  static List<Differential> backends() {
    return Differential.everyBackend();
  }

  private Path lib() throws Exception {
    return Files.write(
        dir.resolve("lib.wasm"), Wat.resource(PreloadTest.class, "/wat/preload/lib.wat"));
  }

  private static byte[] main() {
    return Wat.resource(PreloadTest.class, "/wat/preload/main.wat");
  }

  private static WisexResult run(Differential d, byte[] module, WisexOptions options) {
    return new Preinitializer(
            options.toBuilder().runtime(d.runtime().name()).build(),
            new RuntimeRegistry(List.of(d.runtime())))
        .preinitialize(module);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void initCallsThePreloadedModuleAndTheSnapshotKeepsTheResults(Differential d) throws Exception {
    WisexResult result = run(d, main(), WisexOptions.builder().preload("lib", lib()).build());

    // The output runs without the library: init's results are in its globals and memory.
    var output = ModuleParser.parse(result.module());
    assertEquals(2, output.importCount(ExternalKind.FUNCTION), "the imports stay");
    try (var instance =
        d.runtime()
            .instantiate(
                result.module(),
                dev.wisex.rewriter.init.ImportLinker.link(output),
                dev.wisex.runtime.spi.InstanceConfig.defaults())) {
      assertEquals(102, instance.call("a")[0], "the second call of the stateful `next`");
      assertEquals(42, instance.call("b")[0], "40 + trunc(2.5)");
      byte[] word = new byte[4];
      instance.memory("memory").read(8, word, 0, 4);
      assertEquals(102, word[0]);
    }
    assertEquals(java.util.Map.of("lib.mix", 1L, "lib.next", 2L), result.report().importCalls());
  }

  /**
   * A preloaded module runs with the engine's defects worked around as the main module does:
   * Chicory 1.7.5's f64.convert_i64_u of 0x8000000000000c00 gave 0x43E0000000000001 there, where
   * Wizer, wasmtime and GraalWasm give 0x43E0000000000002 (exact: BigInteger).
   */
  @ParameterizedTest
  @MethodSource("backends")
  void aPreloadedModuleComputesWhatTheSpecSays(Differential d) throws Exception {
    Path lib =
        Files.write(
            dir.resolve("convert.wasm"),
            Wat.assemble(
                "(module (func (export \"u64_to_f64\") (param i64) (result f64)"
                    + " (f64.convert_i64_u (local.get 0))))"));
    byte[] main =
        Wat.assemble(
            "(module (import \"lib\" \"u64_to_f64\" (func $c (param i64) (result f64)))"
                + " (global (export \"g\") (mut f64) (f64.const 0))"
                + " (func (export \"init\")"
                + "  (global.set 0 (call $c (i64.const 0x8000000000000c00)))))");
    WisexResult result =
        run(d, main, WisexOptions.builder().initFunc("init").preload("lib", lib).build());
    long expected =
        Double.doubleToRawLongBits(
            new java.math.BigInteger(Long.toUnsignedString(0x8000000000000c00L)).doubleValue());
    assertEquals(0x43E0000000000002L, expected);
    var output = ModuleParser.parse(result.module());
    try (var instance =
        d.runtime()
            .instantiate(
                result.module(),
                dev.wisex.rewriter.init.ImportLinker.link(output),
                dev.wisex.runtime.spi.InstanceConfig.defaults())) {
      assertEquals(expected, instance.global("g").low());
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void mismatchesAreRefusedWithTheirCause(Differential d) throws Exception {
    Path lib = lib();
    byte[] wrongType =
        Wat.assemble(
            "(module (import \"lib\" \"next\" (func (result i64))) (func (export \"wizex.initialize\")))");
    RejectedModuleException type =
        assertThrows(
            RejectedModuleException.class,
            () -> run(d, wrongType, WisexOptions.builder().preload("lib", lib).build()));
    assertTrue(type.getMessage().startsWith("`lib.next` is imported as"), type::getMessage);

    byte[] missing =
        Wat.assemble(
            "(module (import \"lib\" \"nope\" (func)) (func (export \"wizex.initialize\")))");
    RejectedModuleException absent =
        assertThrows(
            RejectedModuleException.class,
            () -> run(d, missing, WisexOptions.builder().preload("lib", lib).build()));
    assertEquals(
        "the preloaded module `lib` exports no function `nope`, which the module imports",
        absent.getMessage());

    byte[] global =
        Wat.assemble(
            "(module (import \"lib\" \"m\" (memory 1)) (func (export \"wizex.initialize\")))");
    if (d.runtime().capabilities().contains(Capability.IMPORTED_MEMORY)) {
      RejectedModuleException kind =
          assertThrows(
              RejectedModuleException.class,
              () -> run(d, global, WisexOptions.builder().preload("lib", lib).build()));
      assertTrue(kind.getMessage().endsWith("preload(...) links functions only"), kind::getMessage);
    }

    RejectedModuleException unreadable =
        assertThrows(
            RejectedModuleException.class,
            () ->
                run(
                    d,
                    main(),
                    WisexOptions.builder().preload("lib", dir.resolve("absent.wasm")).build()));
    assertTrue(
        unreadable.getMessage().startsWith("cannot read the module preloaded as `lib`"),
        unreadable::getMessage);
  }
}
