package dev.wisex.testkit;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wabt.Wat2WasmModule;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles WAT to Wasm with wabt's {@code wat2wasm} compiled to Java, so tests need no native
 * tools. Runs it with {@code --enable-all} (the library's own entry point enables only the default
 * proposals, which leaves out multi-memory and threads).
 */
public final class Wat {
  private Wat() {}

  /**
   * Assembles WAT source text; a syntax error becomes an {@link IllegalArgumentException} with
   * wabt's message.
   */
  public static byte[] assemble(String wat) {
    return run(wat, List.of());
  }

  /**
   * Assembles WAT source text without validating it ({@code wat2wasm --no-check}), for tests of
   * invalid modules that still decode.
   */
  public static byte[] assembleUnvalidated(String wat) {
    return run(wat, List.of("--no-check"));
  }

  /**
   * Assembles WAT source text with a {@code name} custom section recording the text's identifiers
   * ({@code wat2wasm --debug-names}), as toolchains emit it after every other section.
   */
  public static byte[] assembleWithDebugNames(String wat) {
    return run(wat, List.of("--debug-names"));
  }

  /** Runs {@code wat2wasm} on {@code wat} with {@code --enable-all} plus {@code extraArgs}. */
  static byte[] run(String wat, List<String> extraArgs) {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("wat2wasm", "/src/module.wat", "--enable-all", "--output=-"));
    args.addAll(extraArgs);
    try (FileSystem fs =
        Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("unix").build())) {
      Path dir = Files.createDirectory(fs.getPath("/src"));
      Files.writeString(dir.resolve("module.wat"), wat);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      WasiOptions options =
          WasiOptions.builder()
              .withStdout(out)
              .withStderr(err)
              .withDirectory("/src", dir)
              .withArguments(args)
              .build();
      try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
        ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions()).build();
        Instance.builder(Wat2WasmModule.load())
            .withMachineFactory(Wat2WasmModule::create)
            .withImportValues(imports)
            .build();
      } catch (WasiExitException e) {
        if (e.exitCode() != 0) {
          throw new IllegalArgumentException(
              "wat2wasm failed: "
                  + err.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", ""));
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Assembles a WAT file from the caller's test resources, e.g. {@code resource(getClass(),
   * "/wat/basic.wat")}. On the module path a resource in a test module's package is encapsulated
   * from this module, so the file is then read from the anchor class's code location (test classes
   * live in a directory).
   */
  public static byte[] resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in != null) {
        return assemble(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      Path file = codeLocation(anchor).resolve(name.startsWith("/") ? name.substring(1) : name);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "no test resource `" + name + "` next to " + anchor.getName());
      }
      return assemble(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path codeLocation(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
