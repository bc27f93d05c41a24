package dev.wisex.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks what Maven wrote when the invoker built the projects under {@code src/it} with this plugin
 * (runs in the verify phase, after the invoker; {@code wisex.it.dir} is where they were built).
 */
class IntegrationProjectsTest {
  private static final Path IT = Path.of(System.getProperty("wisex.it.dir", "target/it"));

  @Test
  void packagePreinitializedBothConfiguredFiles() throws IOException {
    Path target = IT.resolve("preinit-counter/target");

    CounterModule.assertPreinitialized(
        Files.readAllBytes(target.resolve("counter.init.wasm")), "wizex.initialize");
    CounterModule.assertPreinitialized(
        Files.readAllBytes(target.resolve("counter.seven.wasm")), "init");
    String log = Files.readString(IT.resolve("preinit-counter/build.log"));
    assertTrue(log.contains("wisex: counter.wasm -> "), log);
  }

  /**
   * The README's library project, built in a fresh directory against the installed wisex, wrote
   * what the library gives for the same module and options here.
   */
  @Test
  void theLibraryProjectOfTheReadmeRuns() throws IOException {
    Path samples = Path.of(System.getProperty("wisex.samples.dir", "../samples"));
    Path project = IT.resolveSibling("it-samples").resolve("library-project");

    String log = Files.readString(project.resolve("build.log"));
    assertTrue(log.contains("BUILD SUCCESS"), log);
    assertTrue(log.contains("primes.init.wasm: "), log);
    byte[] expected =
        new Preinitializer(WisexOptions.builder().allowWasi(true).build())
            .preinitialize(Files.readAllBytes(samples.resolve("primes.wasm")))
            .module();
    assertArrayEquals(
        expected, Files.readAllBytes(project.resolve("target/primes.init.wasm")), "output");
  }

  @Test
  void attachedOutputsAreInstalledBesideThePom() throws IOException {
    Path target = IT.resolve("preinit-counter/target");
    Path installed = IT.resolveSibling("local-repo").resolve("dev/wisex/it/preinit-counter/1.0");

    assertArrayEquals(
        Files.readAllBytes(target.resolve("counter.init.wasm")),
        Files.readAllBytes(installed.resolve("preinit-counter-1.0-counter.init.wasm")));
    assertArrayEquals(
        Files.readAllBytes(target.resolve("counter.seven.wasm")),
        Files.readAllBytes(installed.resolve("preinit-counter-1.0-seven.wasm")));
  }

  @Test
  void theReportDescribesTheOutputItWasWrittenWith() throws IOException {
    Path target = IT.resolve("preinit-counter/target");

    String json = Files.readString(target.resolve("counter.report.json"));
    long outputBytes = Files.size(target.resolve("counter.init.wasm"));
    assertTrue(json.contains("\"version\": 1"), json);
    assertTrue(json.contains("counter.init.wasm\", \"bytes\": " + outputBytes + "}"), json);
    assertTrue(json.contains("\"globals\": {\"snapshotted\": "), json);
  }

  @Test
  void theHelpGoalDescribesTheParameters() throws IOException {
    String log = Files.readString(IT.resolve("help-goal/build.log"));

    assertTrue(log.contains("BUILD SUCCESS"), log);
    assertTrue(log.contains("wisex:preinit"), log);
    for (String parameter : List.of("renameFuncs", "maxMemory", "force")) {
      assertTrue(log.contains(parameter), parameter + " in " + log);
    }
    assertTrue(log.contains("User property: wisex.timeout"), log);
  }

  /**
   * Every parameter a user can set, from the descriptor the build generated (the plugin.xml Maven
   * reads), shows up documented in {@code help:describe}.
   */
  @Test
  void helpDescribeDocumentsEveryParameter() throws Exception {
    String log = Files.readString(IT.resolve("help-describe/build.log"));
    assertTrue(log.contains("BUILD SUCCESS"), log);
    assertTrue(log.contains("wisex:preinit"), log);

    Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
    Document xml =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
    NodeList parameters = xml.getElementsByTagName("parameter");
    int documented = 0;
    for (int i = 0; i < parameters.getLength(); i++) {
      Element parameter = (Element) parameters.item(i);
      if (!"true".equals(text(parameter, "editable"))) {
        continue;
      }
      String name = text(parameter, "name");
      String description = text(parameter, "description");
      assertFalse(description.isBlank(), name + " has a description");
      String shown = describedParameter(log, name);
      // help:describe renders descriptions as HTML: a word it dropped (say, inside <angle
      // brackets>) is missing from what the user reads.
      for (String word : description.split("[^A-Za-z0-9]+")) {
        assertTrue(shown.contains(word), name + ": `" + word + "` missing from:\n" + shown);
      }
      documented++;
    }
    assertTrue(documented > 30, "parameters found in " + descriptor + ": " + documented);
  }

  /** The text help:describe printed under parameter {@code name}, on one line. */
  private static String describedParameter(String log, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?m)^    " + name + "( \\(Default: [^)]*\\))?$((?:\\n(?:      .*|\\s*))*)")
            .matcher(log);
    assertTrue(m.find(), name + " is described in help:describe");
    return m.group(2).replaceAll("\\s+", " ");
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  @Test
  void aMissingInitFunctionFailsTheBuildNamingItAndWritesNothing() throws IOException {
    Path project = IT.resolve("missing-init-func");

    String log = Files.readString(project.resolve("build.log"));
    assertTrue(log.contains("BUILD FAILURE"), log);
    assertTrue(log.contains("module does not export an init function named `setup`"), log);
    assertTrue(log.contains("<initFunc>"), "names the parameter to change: " + log);
    assertFalse(log.contains("--init-func"), log);
    assertFalse(Files.exists(project.resolve("target/counter.init.wasm")));
  }

  @Test
  void theCliOptionsAsParametersShapeTheOutput() throws IOException {
    byte[] output = Files.readAllBytes(IT.resolve("parameters/target/counter.init.wasm"));

    WasmRuntime chicory = RuntimeRegistry.discover().select("chicory", Set.of());
    try (WasmInstance snapshot =
        chicory.instantiate(output, HostImports.none(), InstanceConfig.defaults())) {
      // wat/counter.wat: init adds 41 to a zero counter; <renameFuncs> exports `count` as `total`.
      assertEquals(41, snapshot.call("total")[0]);
      assertThrows(RuntimeException.class, () -> snapshot.call("count"));
    }
  }

  @Test
  void theSecondBuildSkipsTheUpToDateOutput() throws IOException {
    Path project = IT.resolve("parameters");
    String log = Files.readString(project.resolve("build.log"));

    assertTrue(log.contains("wisex: counter.wasm -> "), log);
    String skipped = "is up to date (output newer than input, same configuration); skipped";
    assertEquals(1, log.split(java.util.regex.Pattern.quote(skipped), -1).length - 1, log);
    assertTrue(PreinitMojoTest.stampExists(project.resolve("target/wisex"), "counter.init.wasm"));
  }
}
