package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MapDir;
import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.DifferentialAccess;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.rewriter.init.ImportLinker;
import dev.wisex.rewriter.init.WasiHosts;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Commands;
import dev.wisex.wasix.WasixHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real C program (src/test/c/read_mapped.c, Debian clang + wasi-libc, a WASI reactor) whose init
 * reads a mapped file through stdio into a global buffer. The shipped .wasm always runs; when clang
 * is installed the test also rebuilds it with scripts/build-c-samples.sh and requires the same
 * behaviour (compiler output may differ between machines, so bytes are not compared).
 */
class CModuleTest {
  private static final String TEXT =
      "alpha\nbravo charlie\ndelta\n\necho foxtrot golf hotel\nindia\n";
  private static final List<String> EXPORTS =
      List.of("checksum", "line_count", "byte_count", "longest_line");

  @TempDir Path dir;

  static Stream<Arguments> modules() throws IOException, InterruptedException {
    List<Arguments> modules = new ArrayList<>();
    modules.add(Arguments.of("shipped", shipped()));
    byte[] rebuilt = rebuildIfClangIsPresent();
    if (rebuilt != null) {
      modules.add(Arguments.of("rebuilt", rebuilt));
    }
    return modules.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void initReadsTheMappedFileAndTheOutputNeedsNoFiles(String which, byte[] module)
      throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("words.txt"), TEXT);
    byte[] hostBefore = treeHash(data);
    WisexOptions withFile = WasiRun.options().mapDir(new MapDir("/data", data)).build();

    DifferentialAccess.check(module, withFile, EXPORTS);
    byte[] output = new Preinitializer(withFile).preinitialize(module).module();

    long[] expected = expected(TEXT.getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(expected, callWithoutFiles(output), "the output answers from its snapshot");
    assertArrayEquals(hostBefore, treeHash(data), "the host directory is unchanged");
    WasmModule parsed = ModuleParser.parse(output);
    List<String> exports = parsed.exports().stream().map(e -> e.name()).toList();
    assertFalse(exports.contains("_initialize"), exports::toString);
    assertFalse(exports.contains("wizex.initialize"), exports::toString);
    assertTrue(
        parsed.imports(ExternalKind.FUNCTION).stream()
            .allMatch(i -> i.module().equals("wasi_snapshot_preview1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void initFailsWithoutTheMappedFile(String which, byte[] module) {
    WisexException e =
        assertThrows(
            WisexException.class,
            () -> new Preinitializer(WasiRun.options().build()).preinitialize(module));
    assertTrue(e.getMessage().contains("wizex.initialize"), e.getMessage());
  }

  @Test
  void shippedModuleIsAReactor() {
    WasmModule parsed = ModuleParser.parse(shipped());
    assertTrue(parsed.exports().stream().anyMatch(e -> e.name().equals("_initialize")));
    assertTrue(parsed.exports().stream().noneMatch(e -> e.name().equals("_start")));
  }

  /** What the C exports compute, computed here from the file's bytes. */
  private static long[] expected(byte[] text) {
    int hash = 0x811C9DC5;
    int lines = 0;
    int longest = 0;
    int current = 0;
    for (byte b : text) {
      hash = (hash ^ (b & 0xFF)) * 16777619;
      if (b == '\n') {
        lines++;
        current = 0;
      } else {
        longest = Math.max(longest, ++current);
      }
    }
    return new long[] {hash, lines, text.length, longest};
  }

  /** Instantiates the output with a WASI host that has no preopens and calls every export. */
  private static long[] callWithoutFiles(byte[] output) {
    WisexOptions noFiles = WasiRun.options().build();
    WasmRuntime chicory = RuntimeRegistry.discover().select("chicory", Set.of());
    long[] results = new long[EXPORTS.size()];
    try (WasixHost host = WasiHosts.create(noFiles.host());
        WasmInstance instance =
            chicory.instantiate(
                output,
                ImportLinker.link(ModuleParser.parse(output), host),
                InstanceConfig.defaults())) {
      for (int i = 0; i < EXPORTS.size(); i++) {
        results[i] = (int) instance.call(EXPORTS.get(i))[0]; // i32 results, compared as ints
      }
    }
    return results;
  }

  private static byte[] shipped() {
    try (InputStream in = CModuleTest.class.getResourceAsStream("/c/read_mapped.wasm")) {
      if (in == null) {
        throw new IllegalStateException("missing test resource c/read_mapped.wasm");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs scripts/build-c-samples.sh into a temporary directory, or returns null without clang. */
  private static byte[] rebuildIfClangIsPresent() throws IOException, InterruptedException {
    String cc = System.getenv().getOrDefault("CC", "clang-19");
    Path script = Path.of("..", "scripts", "build-c-samples.sh").toAbsolutePath().normalize();
    if (!Files.isRegularFile(script) || !Commands.succeed(List.of(cc, "--version"))) {
      return null;
    }
    Path out = Files.createTempDirectory("wisex-c-samples");
    try {
      List<String> command = List.of("bash", script.toString(), out.toString());
      if (!Commands.succeed(command)) {
        throw new IllegalStateException(
            "clang is installed but " + command + " failed; run it by hand to see why");
      }
      return Files.readAllBytes(out.resolve("read_mapped.wasm"));
    } finally {
      try (Stream<Path> files = Files.walk(out)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** SHA-256 over every file's relative path and bytes, in name order. */
  private static byte[] treeHash(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path p : files.sorted().toList()) {
        digest.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(p)) {
          digest.update(Files.readAllBytes(p));
        }
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
