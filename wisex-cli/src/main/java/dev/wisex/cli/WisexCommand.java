package dev.wisex.cli;

import dev.wisex.api.HostAccess;
import dev.wisex.api.ReportJson;
import dev.wisex.api.StdioStreams;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code wisex} command: Wizer's command line on top of {@link Preinitializer}. {@link #run} is
 * the whole program without {@code System.exit}, so tests run it in-process with their own streams.
 */
@Command(
    name = "wisex",
    sortOptions = false,
    usageHelpAutoWidth = false,
    usageHelpWidth = 100,
    versionProvider = VersionProvider.class,
    // picocli's own: prints a bash/zsh completion script for every option above.
    subcommands = AutoComplete.GenerateCompletion.class,
    description = {
      "Pre-initializes a WebAssembly module: instantiates it, calls its init function once, and writes a"
          + " module whose memories and globals start in the state init left behind, so that work is not"
          + " repeated at every start. A Java rewrite of Wizer; the flags are Wizer's.",
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:The module was rejected, init failed, or a file could not be read or written.",
      "2:Invalid command line, or an option that is not supported yet."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wisex in.wasm -o out.wasm",
      "      Pre-initialize in.wasm by calling its `wizex.initialize` export.",
      "  wisex -f init -r _start=_start_after_init app.wasm -o out.wasm",
      "      Call export `init`; in the output, export `_start_after_init` is renamed `_start`.",
      "  wisex --allow-wasix --mapdir /data::./data app.wasm -o app.init.wasm",
      "      Let init use WASIX and read a sandboxed copy of ./data as /data (the host is never written).",
      "  wisex < in.wasm > out.wasm",
      "      Read standard input and write standard output.",
      "  wisex --runtime chicory --list-runtimes",
      "      Show the discovered runtime backends and which one would run init.",
      "  source <(wisex generate-completion)",
      "      Complete wisex's options in the current bash or zsh (put it in ~/.bashrc to keep it).",
    })
public final class WisexCommand implements Callable<Integer> {
  private final InputStream stdin;
  private final OutputStream stdout;
  private final OutputStream stderr;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "INPUT",
      description = "The module to pre-initialize; standard input when omitted or `-`.")
  String input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write the pre-initialized module; standard output when omitted or `-`. Written only"
              + " after success, and atomically with --report: a failed or interrupted run leaves an"
              + " existing FILE untouched. A symlink is written through; a device or FIFO in place.")
  String output;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "After success, write a JSON report (sizes, memories, segments, globals, imports init"
              + " called, stage timings, backend) to FILE, or to standard output with `-`.")
  String report;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "No progress line on a terminal and no warnings; errors are still reported on stderr.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log progress to stderr; repeat (-vv) to log everything.")
  boolean[] verbose = new boolean[0];

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--version",
      versionHelp = true,
      description = "Show the wisex and Java versions and exit.")
  boolean version;

  @ArgGroup(validate = false, heading = "%nInitialization:%n", order = 1)
  InitOptions init = new InitOptions();

  @ArgGroup(validate = false, heading = "%nHost access during init (WASI/WASIX):%n", order = 2)
  HostOptions host = new HostOptions();

  @ArgGroup(
      validate = false,
      heading = "%nWebAssembly features (BOOL is true or false):%n",
      order = 3)
  FeatureOptions features = new FeatureOptions();

  @ArgGroup(validate = false, heading = "%nRuntime backend:%n", order = 4)
  RuntimeOptions runtime = new RuntimeOptions();

  @ArgGroup(
      validate = false,
      heading = "%nLimits on init (for modules you did not write):%n",
      order = 5)
  LimitOptions limits = new LimitOptions();

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
    UsedWriter out = new UsedWriter(new OutputStreamWriter(stdout, stdout.charset()));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, stderr.charset()), true);
    // Two independent start-up costs of a fresh JVM run side by side: picocli reflecting over the
    // options (~0.1 s) on a second thread, Log4j starting (~0.2 s) on this one, in ErrorReporter.
    FutureTask<CommandLine> model =
        new FutureTask<>(() -> new CommandLine(new WisexCommand(stdin, stdout, stderr)));
    Thread.ofPlatform().name("wisex-options").daemon().start(model);
    ErrorReporter reporter = new ErrorReporter();
    try {
      CommandLine commandLine = join(model);
      // picocli hides its completion command by default; wisex lists it with the other usages.
      commandLine
          .getSubcommands()
          .get("generate-completion")
          .getCommandSpec()
          .usageMessage()
          .hidden(false);
      commandLine
          .setOut(out)
          .setErr(err)
          .setCaseInsensitiveEnumValuesAllowed(true)
          .setUsageHelpLongOptionsMaxWidth(30)
          .setParameterExceptionHandler(reporter)
          .setExecutionExceptionHandler(reporter);
      return commandLine.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands only Exceptions to the handler; an Error (out of memory, stack overflow) ends
      // up here.
      return ErrorReporter.report(e, err);
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

  /** The command model built on the other thread; its failure is rethrown as it was. */
  private static CommandLine join(FutureTask<CommandLine> model) {
    try {
      return model.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  @Override
  public Integer call() {
    Verbosity.apply(quiet ? -1 : verbose.length);
    RuntimeRegistry registry = RuntimeRegistry.discover();
    if (runtime.listRuntimes) {
      RuntimeList.print(registry, runtime.runtime, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
    if (report != null
        && ModuleFiles.isStandardStream(report)
        && ModuleFiles.isStandardStream(output)) {
      throw new ParameterException(
          spec.commandLine(),
          "`--report -` needs the module written to a file: standard output cannot carry both;"
              + " add -o FILE");
    }
    WisexOptions options = options();
    PendingFeatures.check(options, spec.commandLine().getParseResult().originalArgs());
    String named = options.runtime().name();
    if (named != null) {
      // Fail on a misspelled backend name before reading a possibly large input.
      checkRuntimeName(registry, named);
      registry.select(named, Set.of());
    }
    refuseTerminals();
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
    try (ProgressLine progress = ProgressLine.startIfTerminal(stderr, quiet)) {
      Preinitializer preinitializer = new Preinitializer(options, registry);
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
  private void refuseTerminals() {
    if (ModuleFiles.isStandardStream(output)
        && stdout == System.out
        && Terminals.isTerminal(Terminals.STDOUT)) {
      throw new ParameterException(
          spec.commandLine(),
          "refusing to write a binary module to the terminal: add -o FILE (or redirect stdout)");
    }
    if (ModuleFiles.isStandardStream(input)
        && stdin == System.in
        && Terminals.isTerminal(Terminals.STDIN)) {
      throw new ParameterException(
          spec.commandLine(),
          "no input module: name a file (wisex in.wasm -o out.wasm) or pipe one in (wisex < in.wasm);"
              + " a terminal cannot type one");
    }
  }

  /** A name no installed backend has is a usage error: the fix is the command line. */
  private void checkRuntimeName(RuntimeRegistry registry, String name) {
    List<String> installed = registry.all().stream().map(WasmRuntime::name).toList();
    if (!installed.contains(name)) {
      throw new ParameterException(
          spec.commandLine(),
          "unknown runtime `"
              + name
              + "` for --runtime; installed: "
              + String.join(", ", installed)
              + " (--list-runtimes says which are available)");
    }
  }

  /** argv[0] for init: the input's file name (Wizer's), else the library's default. */
  private String programName() {
    if (!ModuleFiles.isStandardStream(input)) {
      java.nio.file.Path name = java.nio.file.Path.of(input).getFileName();
      if (name != null) {
        return name.toString();
      }
    }
    return HostAccess.DEFAULT_PROGRAM_NAME;
  }

  /**
   * Stdio for init, from where the modules come from and go to: no stdin for init when stdin
   * carries the input, and init's stdout on stderr when stdout carries the output, so guest text
   * can never corrupt the module.
   */
  private StdioStreams guestStdio() {
    return new StdioStreams(
        ModuleFiles.isStandardStream(input) ? null : stdin,
        ModuleFiles.isStandardStream(output) ? stderr : stdout,
        stderr);
  }

  /**
   * The options as the library sees them, one group per option group; values the library rejects
   * are usage errors.
   */
  private WisexOptions options() {
    try {
      return new WisexOptions(
          init.toRules(),
          host.toAccess(programName(), guestStdio()),
          features.toFeatures(),
          runtime.toChoice(),
          limits.toLimits());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
