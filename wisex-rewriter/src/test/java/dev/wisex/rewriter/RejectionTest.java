package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.MalformedModuleException;
import dev.wisex.api.RejectedModuleException;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.Vocabulary;
import dev.wisex.api.WasmFeatures;
import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import dev.wisex.testkit.Wat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What wisex refuses, and that each refusal says what is wrong. */
class RejectionTest {
  private static byte[] wat(String name) {
    return Wat.resource(RejectionTest.class, "/wat/" + name + ".wat");
  }

  private static void run(byte[] module) {
    new Preinitializer(WisexOptions.defaults()).preinitialize(module);
  }

  private static void runOnChicory(byte[] module) {
    new Preinitializer(WisexOptions.builder().runtime("chicory").build()).preinitialize(module);
  }

  private static <T extends WisexException> void assertFails(
      Class<T> type, String fragment, Executable run) {
    T e = assertThrows(type, run);
    assertTrue(
        e.getMessage().contains(fragment),
        () -> "message `" + e.getMessage() + "` lacks `" + fragment + "`");
  }

  @Test
  void rejectsImportedGlobal() {
    assertFails(
        RejectedModuleException.class, "imports global `env.g`", () -> run(wat("imported_global")));
  }

  /**
   * Regression (found by mutating real programs): a {@code memory.grow} naming a memory the module
   * does not have reached the limit instrumentation, which indexes per-memory state by it (an
   * internal ArrayIndexOutOfBoundsException on Chicory with {@code --fuel}); the engine would only
   * have validated the module after it. Wabt refuses to assemble it, so the index is patched.
   */
  @Test
  void rejectsCodeNamingAMemoryTheModuleLacks() {
    byte[] module =
        Wat.assemble(
            "(module (memory 1) (func (export \"wizex.initialize\")"
                + " (drop (memory.grow (i32.const 1)))))");
    int grow = -1;
    for (int i = 0; i + 1 < module.length; i++) {
      if (module[i] == 0x41 && module[i + 1] == 0x01 && module[i + 2] == 0x40) {
        grow = i + 2; // i32.const 1, memory.grow
      }
    }
    assertTrue(grow > 0, "memory.grow not found");
    module[grow + 1] = 2; // memory index 0 -> 2, same length
    byte[] invalid = module;
    for (WisexOptions options :
        new WisexOptions[] {
          WisexOptions.defaults(),
          WisexOptions.builder().runtime("chicory").fuel(1_000_000).build(),
          WisexOptions.builder().runtime("graal").fuel(1_000_000).build()
        }) {
      assertFails(
          RejectedModuleException.class,
          "the module is invalid: its code uses memory 2, but the module has 1 memory",
          () -> new Preinitializer(options).preinitialize(invalid));
    }
  }

  /**
   * Regression (found by MalformedInputFuzzTest): a global of a typed reference type ({@code (ref
   * null func)}, function-references proposal) reached the rewriter, which cannot encode it.
   * Hand-encoded: wabt 1.0.0 cannot assemble typed references.
   */
  @Test
  void rejectsTypedReferenceGlobal() {
    byte[] name = "wizex.initialize".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    java.io.ByteArrayOutputStream m = new java.io.ByteArrayOutputStream();
    m.writeBytes(new byte[] {0, 0x61, 0x73, 0x6D, 1, 0, 0, 0});
    m.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type [] -> []
    m.writeBytes(new byte[] {3, 2, 1, 0}); // function 0
    // global 0: (ref null func), immutable, ref.null func
    m.writeBytes(new byte[] {6, 7, 1, 0x63, 0x70, 0, (byte) 0xD0, 0x70, 0x0B});
    m.writeBytes(new byte[] {7, (byte) (name.length + 4), 1, (byte) name.length});
    m.writeBytes(name);
    m.writeBytes(new byte[] {0, 0}); // export function 0
    m.writeBytes(new byte[] {10, 4, 1, 2, 0, 0x0B}); // empty body
    assertFails(
        RejectedModuleException.class,
        "global 0 has a typed reference type",
        () -> runOnChicory(m.toByteArray()));
  }

  @Test
  void rejectsImportedTable() {
    assertFails(
        RejectedModuleException.class, "imports table `env.t`", () -> run(wat("imported_table")));
  }

  @Test
  void rejectsSharedMemoryWithoutTheLinkersOnceFlag() {
    assertFails(
        RejectedModuleException.class,
        "imports the shared memory `env.memory`, but it has no start function",
        () -> run(wat("shared_memory_no_flag")));
  }

  @Test
  void rejectsSharedMemoryWhoseOnceFlagInitOverwrote() {
    assertFails(
        RejectedModuleException.class,
        "init-once flag at address 1024 holds 7 after init",
        () -> run(wat("shared_memory_flag_clobbered")));
  }

  @Test
  void rejectsImportCalledDuringInit() {
    assertFails(
        InitFailedException.class, "init called import `env.log`", () -> run(wat("import_called")));
  }

  @Test
  void reportsInitTrap() {
    assertFails(
        InitFailedException.class, "`wizex.initialize` trapped", () -> run(wat("init_traps")));
  }

  @Test
  void reportsStartTrap() {
    assertFails(InitFailedException.class, "start function trapped", () -> run(wat("start_traps")));
  }

  @Test
  void rejectsMissingInitExport() {
    assertFails(RejectedModuleException.class, "`wizex.initialize`", () -> run(wat("no_init")));
  }

  @Test
  void namesCustomInitFuncWhenMissing() {
    assertFails(
        RejectedModuleException.class,
        "`setup`",
        () ->
            new Preinitializer(WisexOptions.builder().initFunc("setup").build())
                .preinitialize(wat("no_init")));
  }

  @Test
  void rejectsInitWithParameters() {
    assertFails(RejectedModuleException.class, "[i32] -> []", () -> run(wat("init_with_params")));
  }

  @Test
  void rejectsMutableReferenceGlobal() {
    assertFails(
        RejectedModuleException.class, "mutable funcref", () -> run(wat("mutable_funcref")));
  }

  /** A failure names the setting to change where the caller typed it (found by a sweep). */
  @Test
  void messagesNameTheSettingInTheCallersVocabulary() {
    WisexOptions options = WisexOptions.builder().initFunc("nope").build();
    Preinitializer library = new Preinitializer(options);
    assertFails(
        RejectedModuleException.class,
        "pass its name with initFunc(...)",
        () -> library.preinitialize(wat("counter")));
    assertFails(
        RejectedModuleException.class,
        "pass its name with --init-func",
        () -> library.messagesIn(Vocabulary.CLI).preinitialize(wat("counter")));
    assertFails(
        RejectedModuleException.class,
        "pass its name with <initFunc>",
        () -> library.messagesIn(Vocabulary.MAVEN).preinitialize(wat("counter")));
  }

  @Test
  void rejectsRenameOfMissingExport() {
    assertFails(
        RejectedModuleException.class,
        "no export named `nope`",
        () ->
            new Preinitializer(WisexOptions.builder().renameFunc("a", "nope").build())
                .preinitialize(wat("counter")));
  }

  // With the GraalWasm backend on the test class path the default selection runs SIMD there
  // (CrossBackendTest), so these force Chicory to prove that it refuses, naming the backend that
  // can.
  @Test
  void rejectsSimdOnChicoryNamingTheOtherBackend() {
    assertFails(RuntimeSelectionException.class, "graal", () -> runOnChicory(wat("v128_global")));
  }

  @Test
  void rejectsSimdInCodeOnChicory() {
    assertFails(RuntimeSelectionException.class, "SIMD", () -> runOnChicory(wat("simd_code")));
  }

  @Test
  void rejectsTableMutationLikeWizer() {
    assertFails(RejectedModuleException.class, "change tables", () -> run(wat("table_set")));
  }

  @Test
  void rejectsDisabledMultiMemory() {
    WisexOptions options =
        WisexOptions.builder()
            .features(new WasmFeatures(false, true, true, true, true, true, true))
            .build();
    assertFails(
        RejectedModuleException.class,
        "WasmFeatures.multiMemory",
        () -> new Preinitializer(options).preinitialize(wat("two_memories")));
  }

  /** Before, the missing once-flag of a shared memory was reported instead of the switch. */
  @Test
  void aSharedMemoryWithThreadsOffNamesTheSwitchFirst() {
    WisexOptions options =
        WisexOptions.builder()
            .features(new WasmFeatures(true, true, true, true, true, false, true))
            .build();
    assertFails(
        RejectedModuleException.class,
        "WasmFeatures.threads",
        () ->
            new Preinitializer(options)
                .preinitialize(
                    Wat.assemble(
                        "(module (import \"env\" \"memory\" (memory 1 1 shared))"
                            + " (data (i32.const 16) \"hi\")"
                            + " (func (export \"wizex.initialize\")))")));
  }

  @Test
  void rejectsDisabledBulkMemory() {
    WisexOptions options =
        WisexOptions.builder()
            .features(new WasmFeatures(true, true, false, true, true, true, true))
            .build();
    assertFails(
        RejectedModuleException.class,
        "WasmFeatures.bulkMemory",
        () -> new Preinitializer(options).preinitialize(wat("overwrite")));
  }

  @Test
  void rejectsDisabledSimdInCode() {
    WisexOptions options =
        WisexOptions.builder()
            .features(new WasmFeatures(true, true, true, false, true, true, true))
            .build();
    assertFails(
        RejectedModuleException.class,
        "WasmFeatures.simd",
        () -> new Preinitializer(options).preinitialize(wat("simd_code")));
  }

  @Test
  void rejectsMalformedInput() {
    assertFails(
        MalformedModuleException.class, "bad magic", () -> run("not wasm at all".getBytes()));
  }

  @Test
  void rejectsTruncatedInput() {
    byte[] module = wat("counter");
    byte[] truncated = Arrays.copyOf(module, module.length - 7);
    assertFails(MalformedModuleException.class, "offset", () -> run(truncated));
  }
}
