package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.testkit.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where Node.js is installed, the default runs init in V8 ({@code --runtime node}) for every module
 * it can run, and writes what Chicory, an independent engine, writes for the same input; a module
 * V8 cannot run here, and every module with {@code WISEX_NODE=off}, runs where the JVM backends'
 * rule puts it ({@link EngineChoiceCliTest}); a timeout ends the Node process at once.
 */
class NodeChoiceCliTest {
  private static final String ENDLESS =
      "(module (func (export \"wizex.initialize\") (loop $l (br $l))))";

  @TempDir Path dir;

  @BeforeEach
  void nodeIsInstalled() {
    Assumptions.assumeTrue(
        RuntimeRegistry.discover().available().stream().anyMatch(r -> r.name().equals("node")),
        "Node.js is not on PATH");
  }

  @Test
  void theDefaultRunsOnNodeAndWritesWhatChicoryWrites() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("input.txt"), "from the host dir");
    Path in =
        Files.write(dir.resolve("read.wasm"), Wat.assemble(Samples.wat("wasi_read_file.wat")));
    List<String> flags =
        List.of("--allow-wasi", "--mapdir", "/data::" + data, "--env", "GREETING=hi there");

    Cli.Result byDefault = Cli.logged(args(flags, in, dir.resolve("default.wasm"), "-v"));
    Cli.Result onChicory =
        Cli.run(args(flags, in, dir.resolve("chicory.wasm"), "--runtime", "chicory"));

    assertEquals(0, byDefault.exitCode(), byDefault::toString);
    assertEquals(0, onChicory.exitCode(), onChicory::toString);
    assertTrue(
        byDefault
            .stderr()
            .contains(
                "init runs on runtime `node`: it compiles functions to machine code as init first"
                    + " calls them"),
        byDefault::toString);
    byte[] output = Files.readAllBytes(dir.resolve("default.wasm"));
    assertTrue(Samples.containsName(output, "from the host dir"), byDefault::toString);
    assertArrayEquals(Files.readAllBytes(dir.resolve("chicory.wasm")), output);
  }

  @Test
  void whatInitPrintsReachesStdoutAsOnChicory() throws Exception {
    Path in = Files.write(dir.resolve("hello.wasm"), Wat.assemble(Samples.wat("wasi_hello.wat")));

    Cli.Result onNode =
        Cli.run("--allow-wasi", "--runtime", "node", in.toString(), "-o", dir + "/n.wasm");
    Cli.Result onChicory =
        Cli.run("--allow-wasi", "--runtime", "chicory", in.toString(), "-o", dir + "/c.wasm");

    assertEquals(0, onNode.exitCode(), onNode::toString);
    assertEquals("hello from init\n", onNode.stdout());
    assertEquals(onChicory.stdout(), onNode.stdout());
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("c.wasm")), Files.readAllBytes(dir.resolve("n.wasm")));
  }

  @Test
  void aModuleNodeCannotRunGoesWhereTheJvmRulePutsIt() throws Exception {
    Path in =
        Files.write(
            dir.resolve("shared.wasm"),
            Wat.assemble(
                "(module (memory 1 1 shared) (func (export \"wizex.initialize\")"
                    + " (i32.atomic.store (i32.const 8) (i32.const 7))))"));

    Cli.Result r = Cli.logged(in.toString(), "-o", dir.resolve("out.wasm").toString(), "-v");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("init runs on runtime `chicory`"), r::toString);
  }

  @Test
  void offTurnsNodeOff() throws Exception {
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Cli.Result byDefault;
    Cli.Result named;
    Cli.Result listed;
    System.setProperty("wisex.node", "off");
    try {
      byDefault = Cli.logged(in.toString(), "-o", dir.resolve("a.wasm").toString(), "-v");
      named = Cli.run("--runtime", "node", in.toString(), "-o", dir.resolve("b.wasm").toString());
      listed = Cli.run("--list-runtimes");
    } finally {
      System.clearProperty("wisex.node");
    }

    assertEquals(0, byDefault.exitCode(), byDefault::toString);
    assertTrue(byDefault.stderr().contains("init runs on runtime `chicory`"), byDefault::toString);
    assertEquals(1, named.exitCode(), named::toString);
    assertEquals(
        "error: runtime `node` is not available: WISEX_NODE=off turns it off\n", named.stderr());
    assertFalse(Files.exists(dir.resolve("b.wasm")));
    assertTrue(
        listed.stdout().contains("unavailable: WISEX_NODE=off turns it off"), listed::toString);
  }

  @Test
  void aNodeTooOldLeavesTheDefaultToTheJvmBackendsAndFailsWhenNamed() throws Exception {
    Path node = dir.resolve("node");
    Files.writeString(
        node, "#!/bin/sh\necho 'wisex needs Node.js 20 or later; this is v18.19.1' >&2\nexit 3\n");
    Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwx------"));
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Cli.Result byDefault;
    Cli.Result named;
    System.setProperty("wisex.node", node.toString());
    try {
      byDefault = Cli.logged(in.toString(), "-o", dir.resolve("a.wasm").toString(), "-v");
      named = Cli.run("--runtime", "node", in.toString(), "-o", dir.resolve("b.wasm").toString());
    } finally {
      System.clearProperty("wisex.node");
    }
    Cli.Result onChicory =
        Cli.run("--runtime", "chicory", in.toString(), "-o", dir.resolve("c.wasm").toString());

    assertEquals(0, byDefault.exitCode(), byDefault::toString);
    assertTrue(
        byDefault
            .stderr()
            .contains(
                "runtime `node` cannot run here: Node.js ended with exit code 3: wisex needs Node.js"
                    + " 20 or later; this is v18.19.1; choosing a backend again without it"),
        byDefault::toString);
    assertTrue(byDefault.stderr().contains("init runs on runtime `chicory`"), byDefault::toString);
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("c.wasm")), Files.readAllBytes(dir.resolve("a.wasm")));
    assertEquals(1, named.exitCode(), named::toString);
    assertEquals(
        "error: runtime `node` cannot run here: Node.js ended with exit code 3: wisex needs Node.js"
            + " 20 or later; this is v18.19.1\n",
        named.stderr());
    assertFalse(Files.exists(dir.resolve("b.wasm")));
  }

  @Test
  void listRuntimesNamesNodeTheDefaultWhereItRuns() {
    Cli.Result r = Cli.run("--list-runtimes");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("available (default for every module it runs)"), r::toString);
    assertTrue(
        r.stdout()
            .contains(
                "without --runtime, each module runs on `node` where it can run it, else on the"
                    + " backend its code size suits: `chicory` under 256 KiB"),
        r::toString);
  }

  @Test
  void aTimeoutEndsTheNodeProcessAtOnce() throws Exception {
    Path in = Files.write(dir.resolve("endless.wasm"), Wat.assemble(ENDLESS));
    Path out = dir.resolve("out.wasm");

    long started = System.nanoTime();
    Cli.Result r =
        Cli.run("--runtime", "node", "--timeout", "300ms", in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(
        "error: init did not finish within --timeout 300 ms; raise --timeout if it needs longer,"
            + " or find out why it does not end\n",
        r.stderr());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, r::toString);
    assertFalse(Files.exists(out));
    List<ProcessHandle> nodes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      nodes =
          ProcessHandle.current()
              .descendants()
              .filter(p -> p.isAlive() && p.info().command().orElse("").endsWith("node"))
              .toList();
      if (nodes.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(List.of(), nodes, "the Node process outlived the run");
  }

  private static String[] args(List<String> flags, Path in, Path out, String... more) {
    List<String> all = new ArrayList<>(flags);
    all.add(in.toString());
    all.add("-o");
    all.add(out.toString());
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
