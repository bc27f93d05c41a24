package dev.wisex.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code wisex-bom} lists every published module at the parent's version. */
class BomTest {
  /**
   * Modules of the reactor that are not published for users: test support, examples and benchmarks.
   */
  private static final Set<String> UNPUBLISHED =
      Set.of(
          "wisex-testkit",
          "wisex-runtime-example",
          "wisex-bench",
          "wisex-architecture-tests",
          "wisex-bom");

  private static final Path ROOT = Path.of("..");

  @Test
  void listsEveryPublishedModuleOfTheReactor() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("wisex-bom/pom.xml"));

    Set<String> published = new TreeSet<>(all(parent, "<module>([^<]+)</module>"));
    published.removeAll(UNPUBLISHED);
    Set<String> listed = new TreeSet<>(all(bom, "<artifactId>(wisex-[^<]+)</artifactId>"));
    listed.remove("wisex-bom");

    assertEquals(published, listed);
    assertEquals(
        listed.size(),
        bom.split("<version>\\$\\{project.version}</version>", -1).length - 1,
        "every entry is at ${project.version}");
  }

  @Test
  void hasTheParentsVersion() throws IOException {
    String version = "<artifactId>%s</artifactId>\\s*<version>([^<]+)</version>";
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("wisex-bom/pom.xml"));

    assertEquals(
        all(parent, version.formatted("wisex-parent")), all(bom, version.formatted("wisex-bom")));
  }

  private static List<String> all(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.results().map(r -> r.group(1)).toList();
  }
}
