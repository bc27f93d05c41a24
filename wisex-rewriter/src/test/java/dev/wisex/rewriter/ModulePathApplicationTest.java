package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Bytes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application on the module path whose {@code module-info} says only {@code requires
 * dev.wisex.rewriter}, compiled here and run in a child JVM with {@code -m}, as a user's would be:
 * nothing is added with {@code --add-modules}, unlike Surefire's own module path, which resolves
 * every module it finds and so hid a dependency that no module declared (Guava, which the automatic
 * module Jimfs needs: WASI failed on both backends and GraalWasm could not start at all). The
 * reference is the file init reads, which must be in the output.
 */
class ModulePathApplicationTest {
  private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

  private static final String MODULE_INFO = "module example.app { requires dev.wisex.rewriter; }";

  private static final String APP =
      """
      package example;

      import dev.wisex.api.MapDir;
      import dev.wisex.api.WisexException;
      import dev.wisex.api.WisexOptions;
      import dev.wisex.rewriter.Preinitializer;
      import java.nio.file.Files;
      import java.nio.file.Path;

      public final class App {
        public static void main(String[] args) throws Exception {
          WisexOptions options =
              WisexOptions.builder()
                  .runtime(args[2])
                  .noCache()
                  .allowWasi(true)
                  .inheritStdio(false)
                  .mapDir(new MapDir("/data", Path.of(args[3])))
                  .build();
          try {
            byte[] out =
                new Preinitializer(options).preinitialize(Files.readAllBytes(Path.of(args[0]))).module();
            Files.write(Path.of(args[1]), out);
          } catch (WisexException e) {
            System.err.println(e.getMessage());
            System.exit(1);
          }
        }
      }
      """;

  @TempDir static Path app;

  @TempDir Path dir;

  @BeforeAll
  static void compileTheApplication() throws Exception {
    Path sources = app.resolve("src");
    Files.createDirectories(sources.resolve("example"));
    Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(sources.resolve("example").resolve("App.java"), APP);
    // javac in a child process: the test module does not read java.compiler.
    ChildJvm.Ended javac =
        ChildJvm.run(
            app,
            List.of(
                ChildJvm.tool("javac"),
                "--module-path",
                libraryModulePath(),
                "-d",
                app.resolve("classes").toString(),
                sources.resolve("module-info.java").toString(),
                sources.resolve("example").resolve("App.java").toString()));
    assertEquals(0, javac.exitCode(), javac.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"chicory", "graal"})
  void anApplicationThatRequiresOnlyTheRewriterRunsWasiInit(String runtime) throws Exception {
    Path out = dir.resolve("greeting.init.wasm");
    List<String> command = new ArrayList<>();
    command.add(ChildJvm.tool("java"));
    // GraalWasm's Truffle runtime asks for these; without them it warns on stderr (README).
    command.add("--enable-native-access=ALL-UNNAMED,org.graalvm.truffle");
    command.add("--sun-misc-unsafe-memory-access=allow");
    command.add("--module-path");
    command.add(app.resolve("classes") + File.pathSeparator + libraryModulePath());
    command.add("-m");
    command.add("example.app/example.App");
    Stream.of(SAMPLES.resolve("greeting.wasm"), out, Path.of(runtime), SAMPLES.resolve("data"))
        .map(Path::toString)
        .forEach(command::add);
    ChildJvm.Ended ended = ChildJvm.run(dir, command);
    assertEquals(0, ended.exitCode(), ended.stderr());
    byte[] greeting = Files.readAllBytes(SAMPLES.resolve("data").resolve("greeting.txt"));
    assertTrue(
        Bytes.contains(Files.readAllBytes(out), greeting), "the output carries the file init read");
  }

  /**
   * The modules a user's build would put on the module path: this build's module and class path
   * without the test classes and the test-only libraries.
   */
  private static String libraryModulePath() {
    List<String> entries =
        ChildJvm.testPath().stream()
            .filter(e -> !e.contains("test-classes") && !isTestOnly(e))
            .toList();
    assertTrue(
        entries.stream().anyMatch(e -> e.contains("guava")), "Guava is on the path: " + entries);
    return String.join(File.pathSeparator, entries);
  }

  private static boolean isTestOnly(String entry) {
    return Stream.of(
            "junit", "opentest4j", "apiguardian", "wisex-testkit", "surefire", "log4j-core", "wabt")
        .anyMatch(entry::contains);
  }
}
