package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.testkit.WasmValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Chicory's validation runs beside the compile of the same, not yet validated module ({@link
 * Validation}), so the compiler meets invalid code first. Whatever it makes of it (a crash, code),
 * such a module must be refused as invalid, as wabt's validator refuses it, in every execution mode
 * and with or without the compile cache, and must leave no cache entry behind.
 */
class ValidationTest {
  @TempDir Path cacheDir;

  /** Bodies of a function of type () -> i32 that decode but do not type-check. */
  private static final List<byte[]> INVALID_BODIES =
      List.of(
          new byte[] {0x42, 1, 0x41, 2, 0x6A}, // i64.const 1, i32.const 2, i32.add
          new byte[] {0x20, 5}, // local.get 5, without locals
          new byte[] {0x10, 7}, // call 7, of one function
          new byte[] {0x41, 1, 0x0C, 3}, // i32.const 1, br 3, with one label
          new byte[] {0x23, 0}, // global.get 0, without globals
          new byte[] {}, // nothing, where an i32 is due
          new byte[] {0x41, 1, 0x41, 2}); // two values, where one is due

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aModuleTheCompilerSeesBeforeItIsValidatedIsRefusedAsInvalid(ExecutionMode mode)
      throws IOException {
    List<byte[]> invalid = new java.util.ArrayList<>();
    INVALID_BODIES.forEach(body -> invalid.add(module(body, EXPORT_F, 0, null)));
    // Invalid beyond its code, which the compiler compiles without complaint: a cache entry
    // written before the validator has spoken would let the next run skip validation.
    invalid.add(
        module(VALID_BODY, EXPORT_F, 6, new byte[] {1, 0x7F, 0, 0x42, 0, 0x0B})); // i32 = i64
    invalid.add(
        module(VALID_BODY, EXPORT_F, 11, new byte[] {1, 0, 0x41, 0, 0x0B, 1, 7})); // no memory
    for (byte[] module : invalid) {
      assertThrows(AssertionError.class, () -> WasmValidator.validate(module), "wabt refuses it");
      for (Path cache : new Path[] {null, cacheDir}) {
        InitFailedException e =
            assertThrows(
                InitFailedException.class,
                () ->
                    new ChicoryRuntime()
                        .instantiate(module, HostImports.none(), new InstanceConfig(mode, cache)));
        assertTrue(e.getMessage().startsWith("the module is invalid"), e.getMessage());
      }
    }
    try (Stream<Path> files = Files.walk(cacheDir)) {
      assertEquals(
          List.of(),
          files.filter(f -> f.toString().endsWith(".classes")).toList(),
          "no compile-cache entry for an invalid module");
    }
  }

  @Test
  void theSameModuleMadeValidRuns() throws IOException {
    byte[] module = module(VALID_BODY, EXPORT_F, 0, null);
    WasmValidator.validate(module);
    for (ExecutionMode mode : ExecutionMode.values()) {
      var instance =
          new ChicoryRuntime()
              .instantiate(module, HostImports.none(), new InstanceConfig(mode, cacheDir));
      assertEquals(42L, instance.call("f")[0], mode.toString());
    }
  }

  private static final byte[] VALID_BODY = {0x41, 42}; // i32.const 42

  /** An export section's content: "f" = function 0. */
  private static final byte[] EXPORT_F = {1, 1, 'f', 0, 0};

  /**
   * A module with one function of type () -> i32 with {@code body}, {@code exports}, and unless
   * {@code extra} is null a section {@code extraId} holding it (a global or a data section).
   */
  private static byte[] module(byte[] body, byte[] exports, int extraId, byte[] extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    section(out, 1, new byte[] {1, 0x60, 0, 1, 0x7F}); // type () -> i32
    section(out, 3, new byte[] {1, 0}); // one function of type 0
    if (extra != null && extraId == 6) {
      section(out, 6, extra);
    }
    section(out, 7, exports);
    byte[] code = new byte[body.length + 2];
    code[0] = 0; // no locals
    System.arraycopy(body, 0, code, 1, body.length);
    code[code.length - 1] = 0x0B; // end
    ByteArrayOutputStream codeSection = new ByteArrayOutputStream();
    codeSection.write(1);
    codeSection.write(code.length);
    codeSection.writeBytes(code);
    section(out, 10, codeSection.toByteArray());
    if (extra != null && extraId == 11) {
      section(out, 11, extra);
    }
    return out.toByteArray();
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] content) {
    out.write(id);
    out.write(content.length); // every section here is under 128 bytes
    out.writeBytes(content);
  }
}
