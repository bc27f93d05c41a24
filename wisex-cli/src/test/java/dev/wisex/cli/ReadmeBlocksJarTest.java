package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Every code block in README.md says what it is, in an HTML comment on the line before its fence:
 * {@code <!-- run -->} (this test runs it exactly as shown, in a scratch copy of the checkout),
 * {@code <!-- checked: NAME -->} (the test {@code NAME}, or the file at that path, proves it) or
 * {@code <!-- fragment -->} (an excerpt: a synopsis, a piece of a pom, an output to compare with).
 * So a snippet a user pastes either works or says that it is not complete. The blocks are found as
 * GitHub finds them (a CommonMark reader), and the README must read there as written.
 */
class ReadmeBlocksJarTest {
  private static final long TIMEOUT_SECONDS = 180;
  private static final Pattern MARKER = Pattern.compile("<!-- (run|fragment|checked: (\\S+)) -->");

  @TempDir Path dir;

  private static Path root;
  private static String readme;
  private static List<Block> blocks;
  private final List<Path> scratches = new ArrayList<>();

  /** One fenced block: the line of its opening fence, its marker line and its text. */
  record Block(int line, String marker, String language, String text) {
    String where() {
      return "README.md:" + line;
    }
  }

  @BeforeAll
  static void readTheReadme() throws IOException {
    Path jar = Path.of(System.getProperty("wisex.jar"));
    root = jar.toAbsolutePath().getParent().getParent().getParent();
    readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    blocks = blocks(readme);
    assertTrue(blocks.size() > 5, "README.md has code blocks");
  }

  @Test
  void readsOnGitHubAsWritten() throws IOException {
    assertEquals(List.of(), misreadings(readme));
    for (String doc : List.of("CONTRIBUTING.md", "CHANGELOG.md")) {
      String text = Files.readString(root.resolve(doc), StandardCharsets.UTF_8);
      assertEquals(List.of(), misreadings(text), doc + " (lines as numbered in it)");
    }
  }

  /**
   * A POM snippet must paste into a POM: XML refuses {@code --} inside a comment, which a note
   * naming a CLI flag once put in the plugin's snippet (found by a sweep pasting each one).
   */
  @Test
  void xmlBlocksAreWellFormed() throws Exception {
    List<Block> xml = blocks.stream().filter(b -> b.language().equals("xml")).toList();
    assertFalse(xml.isEmpty(), "README.md has XML blocks");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (Block block : xml) {
      String text = block.text().replaceFirst("^<\\?xml[^>]*\\?>", "");
      try {
        factory
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader("<snippet>" + text + "</snippet>")));
      } catch (SAXException e) {
        fail(block.where() + " is not well-formed XML: " + e.getMessage());
      }
    }
  }

  @Test
  void misreadingsAreFound() {
    String fenceWithText = "<!-- fragment -->\n```sh\nls\n``` and more\n\ntext\n```\n";
    assertEquals(
        List.of("README.md:4: a fence with text after it, read as code of the block at line 2"),
        misreadings(fenceWithText));
    assertEquals(1, blocks(fenceWithText).size(), "one block, running to the bare fence");
    assertEquals(
        List.of("README.md:3: this fence is never closed"), misreadings("text\n\n```sh\nls\n"));
    assertEquals(
        List.of("README.md:3: a table row outside any table"), misreadings("text\n\n| c | d |\n"));
    assertEquals(List.of(), misreadings("| a | b |\n|---|---|\n| c | d |\n\n```\n| x\n```\n"));
    Block block = blocks("<!-- run -->\n\n```sh\necho hi\n```\n").get(0);
    assertEquals(new Block(3, "<!-- run -->", "sh", "echo hi\n"), block);
  }

  @Test
  void everyBlockIsRunCheckedOrAFragment() {
    List<String> unmarked =
        blocks.stream()
            .filter(b -> !MARKER.matcher(b.marker()).matches())
            .map(Block::where)
            .toList();
    assertEquals(
        List.of(),
        unmarked,
        "put <!-- run -->, <!-- checked: TEST --> or <!-- fragment --> on the line before each");
  }

  @Test
  void checkedBlocksNameSomethingThatExists() throws IOException {
    for (Block block : blocks) {
      Matcher m = MARKER.matcher(block.marker());
      if (m.matches() && m.group(2) != null) {
        String name = m.group(2);
        assertTrue(
            Files.exists(root.resolve(name)) || testSource(name),
            () -> block.where() + " is checked by " + name + ", which does not exist");
        if (Files.isRegularFile(root.resolve(name))) {
          // A file the build runs (a sample project): the README shows it whole, as it is.
          assertEquals(
              Files.readString(root.resolve(name), StandardCharsets.UTF_8).strip(),
              block.text().strip(),
              () -> block.where() + " differs from " + name);
        }
      }
    }
  }

  @Test
  void theFirstScreenIsWhatCiRunsAndWhatABuildRuns() throws Exception {
    Block first = blocks.get(0);
    assertEquals("<!-- checked: ReadmeBlocksJarTest -->", first.marker(), first.where());
    List<String> commands = first.text().lines().map(ReadmeBlocksJarTest::withoutComment).toList();
    assertEquals(2, commands.size(), first.where());
    // .ci/run runs it as the README shows it, its output teed to the quiet-build check.
    List<String> ci = Files.readAllLines(root.resolve(".ci/run"));
    assertTrue(
        ci.contains(commands.get(1) + " 2>&1 | tee \"$log\""),
        () -> ".ci/run runs the README's test command `" + commands.get(1) + "`: " + ci);
    assertEquals(
        "scripts/quiet-build-check.sh \"$log\"",
        ci.get(ci.size() - 1),
        ".ci/run ends with the quiet-build check");
    String[] buildThenRun = commands.get(0).split(" && ", 2);
    assertEquals("./mvnw -q package -DskipTests", buildThenRun[0], first.where());
    // This build already packaged the jar; what a user runs next must work as shown.
    Path scratch = scratchCheckout();
    run(first, buildThenRun[1], scratch);
    assertTrue(Files.size(scratch.resolve("primes.init.wasm")) > 8, "the sample was written");
  }

  @Test
  void runBlocksRunAsShown() throws Exception {
    List<Block> runnable = blocks.stream().filter(b -> b.marker().equals("<!-- run -->")).toList();
    assertFalse(runnable.isEmpty(), "README.md runs some blocks");
    for (Block block : runnable) {
      assertEquals("sh", block.language(), block.where() + ": only sh blocks can run");
      run(block, block.text(), scratchCheckout());
    }
  }

  private void run(Block block, String script, Path scratch) throws Exception {
    Path file = Files.writeString(scratch.resolve("readme-block.sh"), script);
    Path out = dir.resolve("out.txt");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-eo", "pipefail", file.toString())
            .directory(scratch.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    builder.environment().put("HOME", Files.createDirectories(scratch.resolve("home")).toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(block.where() + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    String output = Files.readString(out);
    assertEquals(
        0, process.exitValue(), () -> block.where() + " failed:\n" + script + "\n" + output);
  }

  /** Unlinks the checkout's entries before JUnit deletes the directory (and warns about links). */
  @AfterEach
  void unlinkScratches() throws IOException {
    for (Path scratch : scratches) {
      try (Stream<Path> entries = Files.list(scratch)) {
        for (Path entry : entries.filter(Files::isSymbolicLink).toList()) {
          Files.delete(entry);
        }
      }
    }
  }

  /** A directory that looks like the checkout (every top-level entry linked), to write into. */
  private Path scratchCheckout() throws IOException {
    Path scratch = Files.createTempDirectory(dir, "checkout");
    scratches.add(scratch);
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.toList()) {
        Files.createSymbolicLink(scratch.resolve(entry.getFileName()), entry);
      }
    }
    return scratch;
  }

  private static boolean testSource(String className) throws IOException {
    try (Stream<Path> files = Files.walk(root, 8)) {
      return files.anyMatch(
          f ->
              f.getFileName().toString().equals(className + ".java")
                  && f.toString().contains("/src/test/java/"));
    }
  }

  private static String withoutComment(String line) {
    int hash = line.indexOf(" #");
    return (hash < 0 ? line : line.substring(0, hash)).strip();
  }

  /**
   * The fenced blocks of {@code markdown} as a CommonMark reader (GitHub's) sees them, each with
   * the HTML comment right before it, if any, as its marker.
   */
  static List<Block> blocks(String markdown) {
    List<Block> found = new ArrayList<>();
    readme(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(FencedCodeBlock fence) {
                Node before = fence.getPrevious();
                String marker = before instanceof HtmlBlock html ? html.getLiteral().strip() : "";
                found.add(
                    new Block(
                        fence.getSourceSpans().get(0).getLineIndex() + 1,
                        marker,
                        fence.getInfo().strip(),
                        fence.getLiteral()));
              }
            });
    return found;
  }

  /**
   * Where {@code markdown} reads otherwise on GitHub than its author meant: a fence that never
   * closes (everything after it becomes code), a line that looks like a fence inside a code block
   * (a closing fence with text after it opens or closes nothing), a table row that belongs to no
   * table (a row whose header lacks its delimiter line renders as a paragraph of pipes).
   */
  static List<String> misreadings(String markdown) {
    List<String> found = new ArrayList<>();
    List<String> lines = markdown.lines().toList();
    boolean[] inTable = new boolean[lines.size()];
    boolean[] inCode = new boolean[lines.size()];
    readme(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(FencedCodeBlock fence) {
                int line = fence.getSourceSpans().get(0).getLineIndex();
                if (fence.getClosingFenceLength() == null) {
                  found.add("README.md:" + (line + 1) + ": this fence is never closed");
                }
                for (SourceSpan span : fence.getSourceSpans()) {
                  inCode[span.getLineIndex()] = true;
                  if (span.getLineIndex() != line
                      && span != fence.getSourceSpans().getLast()
                      && lines.get(span.getLineIndex()).strip().startsWith("```")) {
                    found.add(
                        "README.md:"
                            + (span.getLineIndex() + 1)
                            + ": a fence with text after it, read as code of the block at line "
                            + (line + 1));
                  }
                }
              }

              @Override
              public void visit(CustomBlock block) {
                if (block instanceof TableBlock) {
                  block.getSourceSpans().forEach(span -> inTable[span.getLineIndex()] = true);
                }
                visitChildren(block);
              }
            });
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("|") && !inTable[i] && !inCode[i]) {
        found.add("README.md:" + (i + 1) + ": a table row outside any table");
      }
    }
    return found;
  }

  private static Node readme(String markdown) {
    return Parser.builder()
        .extensions(List.of(TablesExtension.create()))
        .includeSourceSpans(IncludeSourceSpans.BLOCKS)
        .build()
        .parse(markdown);
  }
}
