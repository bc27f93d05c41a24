package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real WASIX programs of {@code src/test/resources/wasix-programs} (wasmer's public test
 * binaries, see the README there) through the CLI, each with the outcome README "Real WASIX
 * programs" states: a snapshot (checked with {@code --verify}, and init's output against what the
 * program prints under wasmer, from wasmer's own test snapshots), a guest exit code, or a refusal
 * naming the call and the reason. No program may fail at link time or as an unknown function.
 *
 * <p>Runs on the module path only: one pass takes ~30 s, and a second on the class path would prove
 * nothing the other CLI tests do not.
 */
@EnabledIf("onModulePath")
class WasixProgramsTest {
  @TempDir Path dir;

  /**
   * An expected outcome: {@code error} null for a snapshot, else the one-line error it ends with;
   * {@code stdout} null where it is not compared on its own; {@code stderrLines} what else init
   * prints (with stdout when that is null).
   */
  record Program(
      String file, List<String> extraArgs, String error, String stdout, List<String> stderrLines) {
    @Override
    public String toString() {
      return file;
    }
  }

  static boolean onModulePath() {
    return WasixProgramsTest.class.getModule().isNamed();
  }

  private static final String REFUSED = "error: `_start` trapped: init called `";

  static Stream<Program> programs() {
    return Stream.of(
        // wasmer's snapshot_tokio: these lines, exit 0 (its snapshot records them all on stderr;
        // the program writes task B's lines to stdout, so both streams are compared together).
        new Program(
            "example-tokio",
            List.of(),
            null,
            null,
            List.of(
                "step-1",
                "received ErrorKind::WouldBlock - receiving on an empty channel",
                "step-2",
                "step-3",
                "data match verified (len=128)",
                "step-4",
                "received ErrorKind::WouldBlock - receiving on an empty channel",
                "step-5",
                "step-A1",
                "step-B1",
                "step-B2",
                "step-A2",
                "data match verified (len=128)",
                "step-A3",
                "step-B3",
                "step-B4",
                "step-A4",
                "data match verified (len=128)",
                "step-A5",
                "received ErrorKind::WouldBlock - receiving on an empty channel",
                "step-A6",
                "step-A7",
                "received ErrorKind::WouldBlock - receiving on an empty channel",
                "step-A8",
                "all done")),
        // wasmer's snapshot_fs_rename: stdout, exit 0 (the root is writable).
        new Program(
            "fs-rename",
            List.of("--mapdir", "/::ROOT"),
            null,
            "/test-dir/a:a\n/test-dir/b:a\n/test-dir/c:c\n/test-dir/d:c\n",
            List.of()),
        // It walks the directories named in argv[1..], and the CLI passes none (wasmer's test
        // passes `/`): nothing to print.
        new Program("example-readdir_tree", List.of("--mapdir", "/::ROOT"), null, "", List.of()),
        // The program's own strings around its sleep.
        new Program("example-sleep", List.of(), null, "before\ndone\n", List.of()),
        // wasmer's snapshot_exit_0_from_main: no output, exit 0.
        new Program("exit-0-from-main", List.of(), null, "", List.of()),
        // wasmer's snapshot_exit_1_from_main: exit 1.
        new Program(
            "exit-1-from-main", List.of(), "error: `_start` exited with code 1", "", List.of()),
        // Past thread-local storage: the editor clears the screen, needs a terminal (/dev/tty)
        // and exits 1.
        new Program(
            "kibi",
            List.of(),
            "error: `_start` exited with code 1",
            "\u001b[2J\u001b[H",
            List.of(
                "Error: Io(Custom { kind: Uncategorized, error: \"failed to find a pre-opened"
                    + " file descriptor through which \\\"/dev/tty\\\" could be opened\" })")),
        refused("example-stack", "wasix_32v1.stack_checkpoint", "stack checkpoints hold native"),
        refused("example-longjmp", "wasix_32v1.stack_checkpoint", "stack checkpoints hold native"),
        refused("example-fork", "wasix_32v1.proc_fork", "forking creates a second process"),
        refused(
            "example-thread-local",
            "wasix_32v1.thread_spawn",
            "init runs on one thread: a snapshot cannot hold a second thread"),
        refused(
            "exit-0-from-worker",
            "wasi.thread-spawn",
            "init runs on one thread: a snapshot cannot hold a second thread"),
        refused("example-http-ok", "wasix_32v1.sock_open", "sockets reach the network"),
        // The 2023 ABI (proc_join with 2 parameters) links; bash then checkpoints its stack.
        refused("old-bash", "wasix_32v1.stack_checkpoint", "stack checkpoints hold native"));
  }

  private static Program refused(String file, String call, String reason) {
    return new Program(
        file,
        List.of(),
        REFUSED + call + "`, which cannot be pre-initialized: " + reason,
        null,
        List.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void runsToItsExpectedOutcome(Program program) throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path input = dir.resolve(program.file() + ".wasm");
    try (InputStream in =
        WasixProgramsTest.class.getResourceAsStream(
            "/wasix-programs/" + program.file() + ".wasm")) {
      Files.write(input, in.readAllBytes());
    }
    Path output = dir.resolve("out.wasm");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--allow-wasix",
                "--init-func",
                "_start",
                "--allow-exit-zero",
                "--verify",
                "--timeout=60s"));
    program.extraArgs().forEach(a -> args.add(a.replace("ROOT", root.toString())));
    args.addAll(List.of(input.toString(), "-o", output.toString()));

    Cli.Result r = Cli.run(args.toArray(String[]::new));

    if (program.error() == null) {
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(Samples.startsWithMagic(Files.readAllBytes(output)), r::toString);
    } else {
      assertEquals(1, r.exitCode(), r::toString);
      List<String> lines = r.stderr().lines().toList();
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      assertTrue(last.startsWith(program.error()), r::toString);
      assertTrue(Files.notExists(output));
    }
    if (program.stdout() != null) {
      assertEquals(program.stdout(), r.stdout(), r::toString);
    }
    if (program.stdout() != null || !program.stderrLines().isEmpty()) {
      List<String> printed =
          new ArrayList<>(r.stderr().lines().filter(l -> !l.startsWith("error: ")).toList());
      if (program.stdout() == null) {
        printed.addAll(r.stdout().lines().toList());
      }
      assertTasksPrinted(program.stderrLines(), printed);
    }
    assertEquals(List.of(), listing(root), "the host root is never written");
  }

  /**
   * The lines wasmer printed, as a multiset and in each task's own order: tokio's two tasks A and B
   * interleave by scheduling, which differs between wasmer's threads and init's one.
   */
  private static void assertTasksPrinted(List<String> expected, List<String> actual) {
    assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
    for (String task : List.of("step-A.*", "step-B.*", "step-[0-9]+")) {
      assertEquals(
          expected.stream().filter(l -> l.matches(task)).toList(),
          actual.stream().filter(l -> l.matches(task)).toList(),
          task);
    }
  }

  private static List<String> listing(Path root) {
    try (Stream<Path> files = Files.list(root)) {
      return files.map(Path::toString).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
