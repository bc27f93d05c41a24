package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ModuleParser;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's library examples, compiled and run: the code between {@code // example: NAME} and
 * {@code // end} in this file must appear in README.md word for word, so the docs cannot rot.
 */
class LibraryExamplesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF =
      Path.of("src", "test", "java", "dev", "wisex", "rewriter", "LibraryExamplesTest.java");

  @TempDir Path dir;

  private Path app() throws IOException {
    return write("app.wasm", "/wat/host_functions.wat");
  }

  private Path write(String name, String wat) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, Wat.resource(LibraryExamplesTest.class, wat));
    return file;
  }

  @Test
  void bytesInBytesOut() throws IOException {
    Path input = write("counter.wasm", "/wat/counter.wat");
    Path output = dir.resolve("counter.init.wasm");
    // example: bytes in, bytes out
    WisexOptions options =
        WisexOptions.builder()
            .initFunc("wizex.initialize") // the default; Wizer's -f
            .renameFunc("main", "main_after_init") // Wizer's -r main=main_after_init
            .build();
    WisexResult result = new Preinitializer(options).preinitialize(Files.readAllBytes(input));
    Files.write(output, result.module());
    // end

    var written = ModuleParser.parse(Files.readAllBytes(output));
    assertTrue(written.export("wizex.initialize").isEmpty(), "init export removed");
    assertTrue(written.export("main_after_init").isEmpty(), "renamed away");
    assertEquals(1, result.report().globalsSnapshotted());
  }

  private static HostFunction answer() {
    // example: custom host imports
    HostFunction answer =
        new HostFunction(
            "env", // the import's module
            "answer", // and name
            FuncType.of(List.of(), List.of(ValType.I32)), // must equal the import's type
            (memory, args) -> new long[] {42}); // raw bits in, raw bits out
    // end
    return answer;
  }

  private static HostFunction greet() {
    return new HostFunction(
        "env",
        "greet",
        FuncType.of(List.of(ValType.I32, ValType.I32), List.of()),
        (memory, args) -> {
          memory.write(args[0], "hello".getBytes(StandardCharsets.US_ASCII), 0, (int) args[1]);
          return new long[0];
        });
  }

  @Test
  void customHostImports() throws IOException {
    byte[] input = Files.readAllBytes(app());
    HostFunction answer = answer();
    HostFunction greet = greet();
    // example: pass host functions
    WisexResult result =
        new Preinitializer(WisexOptions.defaults())
            .withHostFunctions(List.of(answer, greet))
            .preinitialize(input);
    // end

    // At run time the embedder links other functions: the output answers from its snapshot.
    HostFunction later =
        new HostFunction(
            "env", "later", FuncType.of(List.of(), List.of(ValType.I32)), (m, a) -> new long[] {7});
    WasmRuntime chicory = RuntimeRegistry.discover().select("chicory", Set.of());
    try (WasmInstance output =
        chicory.instantiate(
            result.module(),
            new HostImports(List.of(answer, greet, later)),
            InstanceConfig.defaults())) {
      assertEquals(42, output.call("answer")[0]);
      assertEquals(42, output.call("load", 16)[0]);
    }
  }

  @Test
  void choosingABackend() throws IOException {
    byte[] input = Files.readAllBytes(write("counter.wasm", "/wat/counter.wat"));
    // example: choosing a backend
    RuntimeRegistry runtimes = RuntimeRegistry.discover(); // every backend jar on the path
    List<String> installed = new ArrayList<>();
    for (WasmRuntime runtime : runtimes.all()) {
      installed.add(runtime.name() + " " + runtime.version() + " " + runtime.availability());
    }
    WisexOptions options = WisexOptions.builder().runtime("chicory").build();
    WisexResult result = new Preinitializer(options, runtimes).preinitialize(input);
    // end

    assertEquals("chicory", result.report().runtime());
    assertTrue(installed.stream().anyMatch(l -> l.startsWith("chicory ")), installed::toString);
  }

  @Test
  void readmeShowsEveryExampleWordForWord() throws IOException {
    String readme = Files.readString(README);
    Matcher m =
        Pattern.compile("(?s)\\n( *)// example: ([^\\n]+)\\n(.*?)\\n *// end\\n")
            .matcher(Files.readString(SELF));
    int found = 0;
    while (m.find()) {
      found++;
      String indent = m.group(1);
      String code =
          m.group(3)
              .lines()
              .map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
              .collect(Collectors.joining("\n"));
      String name = m.group(2);
      assertTrue(
          readme.contains(code), () -> "README.md lacks the `" + name + "` example:\n" + code);
    }
    assertEquals(4, found, "examples in this file");
  }
}
