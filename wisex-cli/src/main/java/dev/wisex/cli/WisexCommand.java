package dev.wisex.cli;

import dev.wisex.api.HostAccess;
import dev.wisex.api.ReportJson;
import dev.wisex.api.StdioStreams;
import dev.wisex.api.Vocabulary;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code wisex} command: Wizer's command line on top of {@link Preinitializer}. {@link #run} is
 * the whole program without {@code System.exit}, so tests run it in-process with their own streams.
 * The options are defined here and in the option groups; {@link PlainCommandLine} parses an
 * ordinary command line, picocli ({@link PicocliRun}) the rest.
 */
public final class WisexCommand implements Callable<Integer> {
  static final Opt<String> OUTPUT =
      Opt.<String>of(String.class, "-o", "--output")
          .label("FILE")
          .description(
              "Where to write the pre-initialized module; standard output when omitted or `-`. Written only"
                  + " after success, and atomically with --report: a failed or interrupted run leaves an"
                  + " existing FILE untouched. A symlink is written through; a device or FIFO in place.");

  static final Opt<String> REPORT =
      Opt.<String>of(String.class, "--report")
          .label("FILE")
          .description(
              "After success, write a JSON report (sizes, memories, segments, globals, imports init"
                  + " called, stage timings, backend) to FILE, or to standard output with `-`.");

  static final Opt<Boolean> QUIET =
      Opt.<Boolean>of(boolean.class, "-q", "--quiet")
          .initially(false)
          .description(
              "No progress line on a terminal and no warnings; errors are still reported on stderr.");

  static final Opt<boolean[]> VERBOSE =
      Opt.<boolean[]>of(boolean[].class, "-v", "--verbose")
          .noValue()
          .initially(new boolean[0])
          .description("Log progress to stderr; repeat (-vv) to log everything.");

  static final Opt<Boolean> HELP =
      Opt.<Boolean>of(boolean.class, "-h", "--help")
          .usageHelp()
          .initially(false)
          .description("Show this help and exit.");

  static final Opt<Boolean> VERSION =
      Opt.<Boolean>of(boolean.class, "--version")
          .versionHelp()
          .initially(false)
          .description("Show the wisex and Java versions and exit.");

  private final InputStream stdin;
  private final OutputStream stdout;
  private final OutputStream stderr;

  /** The model this command belongs to, set by {@link CommandModel#build}; values after a parse. */
  CommandSpec model;

  WisexCommand(InputStream stdin, OutputStream stdout, OutputStream stderr) {
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.stdout = Objects.requireNonNull(stdout, "stdout");
    this.stderr = Objects.requireNonNull(stderr, "stderr");
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs the command as the process would, without exiting.
   *
   * @param stdout receives help, version and runtime list text, or the output module with {@code -o
   *     -}
   * @param stderr receives error messages (log output goes to {@code System.err})
   * @return the exit code, see {@link ExitCodes}
   */
  static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    return run(args, stdin, stdout, stderr, true);
  }

  /**
   * Runs the command, parsed by {@link PlainCommandLine} where it can if {@code plainFirst}, else
   * by picocli alone (tests compare the two).
   */
  static int run(
      String[] args,
      InputStream stdin,
      PrintStream stdout,
      PrintStream stderr,
      boolean plainFirst) {
    UsedWriter out = new UsedWriter(new OutputStreamWriter(stdout, stdout.charset()));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, stderr.charset()), true);
    try {
      OptionValues plain = plainFirst ? PlainCommandLine.parse(args) : null;
      if (plain != null) {
        return new WisexCommand(stdin, stdout, stderr).runParsed(plain, out);
      }
      return PicocliRun.run(args, () -> new WisexCommand(stdin, stdout, stderr), out, err);
    } catch (RuntimeException | Error e) {
      // picocli hands only Exceptions to its handler; an Error (out of memory, stack overflow)
      // ends up here, and so does every failure of a plainly parsed run.
      return FailureReport.report(e, err);
    } finally {
      // Only if used: after a --timeout, an abandoned init thread may still be blocked writing
      // guest output to this same stream (a pipe nobody reads), and a flush would wait forever.
      if (out.used) {
        out.flush();
      }
      err.flush();
    }
  }

  /** An auto-flushing writer that knows whether anything was written to it. */
  private static final class UsedWriter extends PrintWriter {
    private boolean used;

    UsedWriter(java.io.Writer writer) {
      super(writer, true);
    }

    @Override
    public void write(int c) {
      used = true;
      super.write(c);
    }

    @Override
    public void write(char[] buf, int off, int len) {
      used = true;
      super.write(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      used = true;
      super.write(s, off, len);
    }
  }

  /** Runs the command line picocli parsed into {@link #model}. */
  @Override
  public Integer call() {
    return runParsed(new PicocliValues(model), model.commandLine().getOut());
  }

  /**
   * Runs a parsed command line.
   *
   * @param out where the runtime list goes
   * @throws UsageException for a command line that cannot run
   */
  private int runParsed(OptionValues parsed, PrintWriter out) {
    Verbosity.apply(parsed.get(QUIET) ? -1 : parsed.get(VERBOSE).length);
    RuntimeRegistry registry = RuntimeRegistry.discover();
    if (parsed.get(RuntimeOptions.LIST_RUNTIMES)) {
      if (parsed.get(RuntimeOptions.RUNTIME) != null) {
        checkRuntimeName(registry, parsed.get(RuntimeOptions.RUNTIME));
      }
      RuntimeList.print(registry, parsed.get(RuntimeOptions.RUNTIME), out);
      return ExitCodes.OK;
    }
    String input = parsed.input();
    String output = parsed.get(OUTPUT);
    String report = parsed.get(REPORT);
    refuseEmpty(input, "the input module");
    refuseEmpty(output, "-o");
    refuseEmpty(report, "--report");
    if (report != null && stdout(report) && stdout(output)) {
      throw new UsageException(
          "`--report -` needs the module written to a file: standard output cannot carry both;"
              + " add -o FILE");
    }
    if (report != null && sameFile(report, output)) {
      throw new UsageException("--report and -o name the same file; give the report another name");
    }
    if (report != null && sameFile(report, input)) {
      throw new UsageException(
          "--report names the input module, which it would overwrite; give the report another name");
    }
    WisexOptions options = options(parsed, input, output, report);
    PendingFeatures.check(options, parsed.originalArgs());
    String named = options.runtime().name();
    if (named != null) {
      // Fail on a misspelled backend name before reading a possibly large input.
      checkRuntimeName(registry, named);
      registry.select(named, Set.of());
    }
    refuseTerminals(input, output);
    // A missing output directory shows now, not after a long init.
    ModuleFiles.checkWritable(output);
    ModuleFiles.checkWritable(report);

    String inputName = ModuleFiles.displayName(input, ModuleFiles.STDIN_NAME);
    String outputName = ModuleFiles.displayName(output, ModuleFiles.STDOUT_NAME);
    byte[] module = ModuleFiles.read(input, stdin);
    // Looked up here, not in a static field: building the command model must not touch Log4j.
    Logger log = LogManager.getLogger(WisexCommand.class);
    log.debug("read {} bytes from {}", module.length, inputName);
    log.trace("options: {}", options);

    WisexResult result;
    try (ProgressLine progress = ProgressLine.startIfTerminal(stderr, parsed.get(QUIET))) {
      Preinitializer preinitializer =
          new Preinitializer(options, registry).messagesIn(Vocabulary.CLI);
      result =
          (progress == null ? preinitializer : preinitializer.withProgress(progress))
              .preinitialize(module);
      if (progress != null) {
        progress.stage("write", outputName);
      }
      byte[] reportJson =
          report == null
              ? null
              : ReportJson.render(result.report(), inputName, outputName)
                  .getBytes(StandardCharsets.UTF_8);
      ModuleFiles.write(output, result.module(), report, reportJson, stdout);
    }
    log.info(ReportSummary.format(result.report(), inputName, outputName));
    return ExitCodes.OK;
  }

  /**
   * A binary module would garble a terminal, and a terminal cannot type one: both are command lines
   * that forgot a file name. Only the process's own streams are checked (not those of tests).
   */
  private void refuseTerminals(String input, String output) {
    if (ModuleFiles.isStandardStream(output)
        && stdout == System.out
        && Terminals.isTerminal(Terminals.STDOUT)) {
      throw new UsageException(
          "refusing to write a binary module to the terminal: add -o FILE (or redirect stdout)");
    }
    if (ModuleFiles.isStandardStream(input)
        && stdin == System.in
        && Terminals.isTerminal(Terminals.STDIN)) {
      throw new UsageException(
          "no input module: name a file (wisex in.wasm -o out.wasm) or pipe one in (wisex < in.wasm);"
              + " a terminal cannot type one");
    }
  }

  /** A name no installed backend has is a usage error: the fix is the command line. */
  private void checkRuntimeName(RuntimeRegistry registry, String name) {
    List<String> installed = registry.all().stream().map(WasmRuntime::name).toList();
    if (!installed.contains(name)) {
      throw new UsageException(
          "unknown runtime `"
              + name
              + "` for --runtime; installed: "
              + String.join(", ", installed)
              + " (--list-runtimes says which are available)");
    }
  }

  /** argv[0] for a WASIX init: the input's file name, else the library's default. */
  private static String programName(String input) {
    if (!ModuleFiles.isStandardStream(input)) {
      Path name = Path.of(input).getFileName();
      if (name != null) {
        return name.toString();
      }
    }
    return HostAccess.DEFAULT_PROGRAM_NAME;
  }

  /**
   * Stdio for init, from where the modules come from and go to: no stdin for init when stdin
   * carries the input, and init's stdout on stderr when stdout carries the output or the report, so
   * guest text can never corrupt either.
   */
  private StdioStreams guestStdio(String input, String output, String report) {
    return new StdioStreams(
        ModuleFiles.isStandardStream(input) ? null : stdin,
        stdout(output) || (report != null && stdout(report)) ? stderr : stdout,
        stderr);
  }

  /**
   * Whether writing to {@code name} writes to this command's stdout: {@code -} or no name, or, when
   * the command writes to the process's own stdout, a path to it ({@code /dev/stdout}).
   */
  private boolean stdout(String name) {
    return ModuleFiles.isStandardStream(name)
        || (stdout == System.out && ModuleFiles.isStdout(name));
  }

  /**
   * Whether two names (not standard streams) are one regular file, or will be: a device such as
   * {@code /dev/null} takes both the module and the report.
   */
  private static boolean sameFile(String a, String b) {
    if (ModuleFiles.isStandardStream(a) || ModuleFiles.isStandardStream(b)) {
      return false;
    }
    try {
      Path file = Path.of(a);
      return Files.isSameFile(file, Path.of(b))
          && (Files.isRegularFile(file) || Files.notExists(file));
    } catch (IOException e) {
      // One is not there yet: the same name, written two ways.
      return Path.of(a)
          .toAbsolutePath()
          .normalize()
          .equals(Path.of(b).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return false; // reported where the file is opened
    }
  }

  /**
   * An empty name is no file, and one ending in {@code /} names a directory: usage errors naming
   * where they were typed (a trailing slash once wrote a file named as the directory).
   */
  private static void refuseEmpty(String name, String where) {
    if (name != null && name.isEmpty()) {
      throw new UsageException(where + " needs a file name (or - for the standard stream), not ``");
    }
    if (name != null && name.endsWith("/")) {
      throw new UsageException(where + " names a directory (`" + name + "`); give a file name");
    }
  }

  /**
   * The options as the library sees them, one group per option group; values the library rejects
   * are usage errors.
   */
  private WisexOptions options(OptionValues parsed, String input, String output, String report) {
    try {
      return new WisexOptions(
          InitOptions.toRules(parsed),
          HostOptions.toAccess(parsed, programName(input), guestStdio(input, output, report)),
          FeatureOptions.toFeatures(parsed),
          RuntimeOptions.toChoice(parsed),
          LimitOptions.toLimits(parsed));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
