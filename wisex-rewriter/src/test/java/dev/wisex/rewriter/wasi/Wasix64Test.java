package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MapDir;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.StdioStreams;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.DifferentialAccess;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.rewriter.wasi.WasiRun.Memory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code wasix_64v1} on a memory64 module: the same host functions with 64-bit pointers and sizes.
 * Runs where memory64 runs (GraalWasm); Chicory is refused by name with the reason.
 */
class Wasix64Test {
  @TempDir Path dir;

  /** No runtime named: the module's memory64 picks a backend that has it. */
  private WisexOptions.Builder options() throws IOException {
    Files.writeString(dir.resolve("hello.txt"), "file says hi");
    return WisexOptions.builder()
        .allowWasi(true)
        .inheritStdio(false)
        .programName("app64.wasm")
        .env("MODE", "64")
        .mapDir(new MapDir("/data", dir));
  }

  static List<String> backends() {
    return DifferentialAccess.backends();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void initUsesSixtyFourBitPointersAndSizes(String runtime) throws IOException {
    WisexOptions options = options().build();
    byte[] module = WasiRun.wat("wasix64");
    DifferentialAccess.checkOn(runtime, module, options, List.of("nread", "first_word", "argc"));
    WisexResult result = new Preinitializer(options).preinitialize(module);
    Memory m = WasiRun.memory(result.module(), options, runtime);
    for (int i = 0; i < 12; i++) {
      assertEquals(0, m.errno(i), "errno " + i);
    }
    assertEquals(1, m.i64(0), "argc is a full u64");
    assertEquals("app64.wasm".length() + 1, m.i64(8));
    assertEquals(256, m.i64(64), "argv[0] is an 8-byte pointer");
    assertEquals("app64.wasm\0", m.string(256, 11));
    assertEquals(1, m.i64(16));
    assertEquals("MODE=64".length() + 1, m.i64(24));
    assertEquals(16384, m.i64(8192));
    assertEquals("MODE=64\0", m.string(16384, 8));
    assertEquals(8, m.i64(2140), "nwritten from two 16-byte iovecs");
    assertEquals(12, m.i64(2340), "nread");
    assertEquals("file says hi", m.string(4096, 12));
    assertEquals(1, m.i64(2440), "getcwd length");
    assertEquals("/\0", m.string(2400, 2));
    assertEquals(0, m.i32(2500), "prestat tag: directory");
    assertEquals(5, m.i32(2504), "prestat name length stays a u32");
    assertEquals("/data", m.string(2520, 5));
    assertEquals(dev.wisex.wasix.config.WasixConfig.FIXED_EPOCH_NANOS, m.i64(2560));
    assertEquals(1, m.i64(2580), "thread_parallelism is a size_t");
    assertEquals("graal", result.report().runtime(), "memory64 selects a backend that has it");
  }

  @Test
  void stdoutThroughSixtyFourBitIovecs() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WisexOptions options =
        options().inheritStdio(true).stdio(new StdioStreams(null, out, null)).build();
    new Preinitializer(options).preinitialize(WasiRun.wat("wasix64"));
    assertEquals("hello64\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void chicoryNamedExplicitlyIsRefusedBecauseItLacksMemory64() throws IOException {
    WisexOptions options = options().runtime("chicory").build();
    RuntimeSelectionException e =
        assertThrows(
            RuntimeSelectionException.class,
            () -> new Preinitializer(options).preinitialize(WasiRun.wat("wasix64")));
    assertTrue(
        e.getMessage().contains("runtime `chicory` cannot run this module: it lacks [MEMORY64]"),
        e.getMessage());
    assertTrue(e.getMessage().contains("runtime(...) graal"), e.getMessage());
  }
}
