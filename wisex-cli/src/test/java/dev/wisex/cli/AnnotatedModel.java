package dev.wisex.cli;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.HostAccess;
import dev.wisex.api.InitLimits;
import dev.wisex.api.InitRules;
import dev.wisex.api.LimitValues;
import dev.wisex.api.MapDir;
import dev.wisex.api.RuntimeChoice;
import dev.wisex.api.WasmFeatures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command's options as they were declared before the model was built in code (commit 5657fd8:
 * picocli annotations, read by reflection): the reference {@link CommandModelTest} compares the
 * built model with, option by option and by the help text picocli renders from each.
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
final class AnnotatedModel implements Callable<Integer> {
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

  @Override
  public Integer call() {
    return 0;
  }

  static final class InitOptions {
    @Option(
        names = {"-f", "--init-func"},
        paramLabel = "NAME",
        defaultValue = InitRules.DEFAULT_INIT_FUNC,
        description = "Init export to call once (default: ${DEFAULT-VALUE}).")
    String initFunc;

    @Option(
        names = "--keep-init-func",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description =
            "Keep the init export in the output instead of removing it (default: ${DEFAULT-VALUE}).")
    boolean keepInitFunc = InitRules.defaults().keepInitFunc();

    @Option(
        names = {"-r", "--rename-func"},
        paramLabel = "DST=SRC",
        converter = AnnotatedModel.KeyValueConverter.class,
        description =
            "Rename export SRC (of any kind) to DST in the output, replacing any export DST;"
                + " repeatable, each DST and each SRC once.")
    List<KeyValue> renameFuncs = new ArrayList<>();
  }

  static final class HostOptions {
    private static final HostAccess DEFAULTS = HostAccess.defaults();

    @Option(
        names = {"--allow-wasi", "--allow-wasix"},
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description =
            "Link WASI preview1 and WASIX host functions during init (default: ${DEFAULT-VALUE}).")
    boolean allowWasi = DEFAULTS.allowWasi();

    @Option(
        names = "--inherit-stdio",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description =
            "Let init use the real stdin, stdout and stderr (default: ${DEFAULT-VALUE}). When the output module"
                + " goes to stdout, init's stdout goes to stderr; when the input comes from stdin, init's stdin is"
                + " empty. Otherwise stdin is empty and output is logged at info (-v).")
    boolean inheritStdio = DEFAULTS.inheritStdio();

    @Option(
        names = "--inherit-env",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description =
            "Let init see the host's environment variables, sorted by name (default: ${DEFAULT-VALUE}).")
    boolean inheritEnv = DEFAULTS.inheritEnv();

    @Option(
        names = "--env",
        paramLabel = "NAME=VALUE",
        description =
            "Set environment variable NAME for init, after any inherited ones; repeatable.")
    List<String> envs = new ArrayList<>();

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description =
            "Make host directory DIR visible to init under the same path, as a writable copy (the"
                + " host is never written; DIR:ro: read-only, placed among the --mapdirs);"
                + " repeatable.")
    List<Path> dirs = new ArrayList<>();

    @Option(
        names = "--mapdir",
        paramLabel = "GUEST::HOST",
        converter = AnnotatedModel.MapDirConverter.class,
        description =
            "Make host directory HOST visible to init as GUEST, as a writable copy (the host is never"
                + " written; GUEST::HOST:ro: read-only); repeatable.")
    List<MapDir> mapDirs = new ArrayList<>();

    @Option(
        names = "--preload",
        paramLabel = "NAME=FILE",
        converter = AnnotatedModel.KeyValueConverter.class,
        description = "Link the module in FILE as import module NAME during init; repeatable.")
    List<KeyValue> preloads = new ArrayList<>();

    @Option(
        names = "--seed",
        paramLabel = "N",
        description = "Seed of init's deterministic random_get stream (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(
        names = "--clock-epoch",
        paramLabel = "SECONDS",
        description =
            "Start init's wall clock at SECONDS since 1970 (default: $SOURCE_DATE_EPOCH when set, else"
                + " 946684800, 2000-01-01T00:00:00Z).")
    Long clockEpoch;

    @Option(
        names = "--nondeterministic",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description =
            "Give init the real clocks and a secure random source instead of the fixed clocks (see --clock-epoch;"
                + " advanced only by reads and sleeps) and the seeded stream; the output then differs between runs (default:"
                + " ${DEFAULT-VALUE}).")
    boolean nondeterministic = DEFAULTS.nondeterministic();

    @Option(
        names = "--allow-exit-zero",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description =
            "Accept proc_exit(0) during init and snapshot the state at the exit (default: ${DEFAULT-VALUE}).")
    boolean allowExitZero = DEFAULTS.allowExitZero();
  }

  static final class FeatureOptions {
    private static final WasmFeatures DEFAULTS = WasmFeatures.defaults();

    @Option(
        names = "--wasm-multi-memory",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description = "Allow more than one memory (default: ${DEFAULT-VALUE}).")
    boolean multiMemory = DEFAULTS.multiMemory();

    @Option(
        names = "--wasm-multi-value",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description =
            "Allow functions and blocks with several results (default: ${DEFAULT-VALUE}).")
    boolean multiValue = DEFAULTS.multiValue();

    @Option(
        names = "--wasm-bulk-memory",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description = "Allow bulk memory operations (default: ${DEFAULT-VALUE}).")
    boolean bulkMemory = DEFAULTS.bulkMemory();

    @Option(
        names = "--wasm-simd",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description = "Allow 128-bit SIMD (default: ${DEFAULT-VALUE}).")
    boolean simd = DEFAULTS.simd();

    @Option(
        names = "--wasm-reference-types",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description = "Allow reference types (default: ${DEFAULT-VALUE}).")
    boolean referenceTypes = DEFAULTS.referenceTypes();

    @Option(
        names = "--wasm-threads",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description = "Allow threads and shared memories (default: ${DEFAULT-VALUE}).")
    boolean threads = DEFAULTS.threads();

    @Option(
        names = "--wasm-memory64",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description = "Allow 64-bit memories (default: ${DEFAULT-VALUE}).")
    boolean memory64 = DEFAULTS.memory64();

    /** Unset: follows {@code --wasm-simd}, so switching SIMD off switches its extension off too. */
    @Option(
        names = "--wasm-relaxed-simd",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description =
            "Allow relaxed SIMD (default: true, false with --wasm-simd=false; it needs --wasm-simd).")
    Boolean relaxedSimd;

    @Option(
        names = "--relaxed-simd-deterministic",
        paramLabel = "BOOL",
        arity = "0..1",
        fallbackValue = "true",
        description =
            "Run init with the results the Wasm spec's deterministic profile prescribes for relaxed"
                + " SIMD, so the snapshot never depends on the host CPU; the output keeps its"
                + " relaxed instructions (default: ${DEFAULT-VALUE}).")
    boolean relaxedSimdDeterministic = DEFAULTS.relaxedSimdDeterministic();
  }

  static final class RuntimeOptions {
    @Option(
        names = "--runtime",
        paramLabel = "NAME",
        description =
            "Backend that runs init, e.g. chicory (default: node where Node.js 20+ is installed and runs the module, else chosen per module by its code size; -v says why).")
    String runtime;

    @Option(names = "--list-runtimes", description = "List the discovered backends and exit.")
    boolean listRuntimes;

    @Option(
        names = "--execution-mode",
        paramLabel = "MODE",
        description = "How the backend runs init: auto, compiler or interpreter (default: auto).")
    ExecutionMode executionMode = RuntimeChoice.defaults().executionMode();

    @Option(
        names = "--verify",
        description =
            "Before writing, instantiate the output without running init and check that every global"
                + " and memory byte equals the snapshot; exit 1 with the first difference if not.")
    boolean verify;

    @Option(
        names = "--cross-check",
        description =
            "Run init on every available backend that runs the module (one full run each) and exit 1,"
                + " naming the first differing global or memory range, unless all outputs agree.")
    boolean crossCheck;

    @Option(
        names = "--cache-dir",
        paramLabel = "DIR",
        description =
            "Keep compiled guest code in DIR between runs (default: $XDG_CACHE_HOME/wisex, else"
                + " ~/.cache/wisex; at most 1 GiB per backend, least recently used entries go first).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Compile guest code afresh and keep nothing.")
    boolean noCache;
  }

  static final class LimitOptions {
    @Option(
        names = "--fuel",
        paramLabel = "STEPS",
        description =
            "Stop init after STEPS function entries plus loop iterations; the same module stops at"
                + " the same place on every backend. 0 means no limit (default: 0).")
    long fuel;

    @Option(
        names = "--timeout",
        paramLabel = "TIME",
        converter = AnnotatedModel.DurationConverter.class,
        description =
            "Stop the whole run (parse, init, snapshot, rewrite) after this wall-clock time: seconds"
                + " (30, 2.5) or with a unit (500ms, 90s, 10m) (default: 10m).")
    Duration timeout = InitLimits.DEFAULT_TIMEOUT;

    @Option(
        names = "--max-memory",
        paramLabel = "SIZE",
        converter = AnnotatedModel.SizeConverter.class,
        description =
            "Fail init that grows any memory beyond SIZE: bytes, or with a unit (64KiB, 512MiB,"
                + " 4GiB; K, M, G are the same binary units) (default: 4GiB).")
    long maxMemory = InitLimits.DEFAULT_MAX_MEMORY_BYTES;
  }

  /**
   * The converters as the annotations named them: classes picocli instantiates, each the command's
   * own converter of the option (they were these classes before wisex had its own interface).
   */
  static final class KeyValueConverter implements ITypeConverter<KeyValue> {
    @Override
    public KeyValue convert(String value) {
      return new PicocliConverter<>(KeyValue::parse).convert(value);
    }
  }

  static final class MapDirConverter implements ITypeConverter<MapDir> {
    @Override
    public MapDir convert(String value) {
      return new PicocliConverter<>(MapDir::parse).convert(value);
    }
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return new PicocliConverter<>(LimitValues::duration).convert(value);
    }
  }

  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return new PicocliConverter<Long>(LimitValues::size).convert(value);
    }
  }
}
