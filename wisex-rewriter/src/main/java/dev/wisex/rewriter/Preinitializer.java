package dev.wisex.rewriter;

import dev.wisex.api.HostAccess;
import dev.wisex.api.MemoryReport;
import dev.wisex.api.ProgressListener;
import dev.wisex.api.RuntimeChoice;
import dev.wisex.api.SnapshotReport;
import dev.wisex.api.Vocabulary;
import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.parser.analysis.InitOnceFlag;
import dev.wisex.rewriter.init.ImportCalls;
import dev.wisex.rewriter.init.ImportLinker;
import dev.wisex.rewriter.init.InitCall;
import dev.wisex.rewriter.init.InitRunner;
import dev.wisex.rewriter.init.PreloadedModules;
import dev.wisex.rewriter.init.WasiHosts;
import dev.wisex.rewriter.instrument.EngineLimitException;
import dev.wisex.rewriter.instrument.EngineMemoryLimit;
import dev.wisex.rewriter.instrument.InitTimePasses;
import dev.wisex.rewriter.instrument.InstrumentedModule;
import dev.wisex.rewriter.instrument.Instrumenter;
import dev.wisex.rewriter.instrument.LimitedModule;
import dev.wisex.rewriter.instrument.Sizes;
import dev.wisex.rewriter.rewrite.OutputAssembler;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.rewriter.snapshot.Snapshotter;
import dev.wisex.rewriter.validate.RestrictionValidator;
import dev.wisex.runtime.spi.BackendUnusableException;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.wasix.WasixHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Pre-initializes a module: the library entry point behind the CLI. Stateless apart from its
 * options, so one instance may be used from many threads. It unpacks the options once: each stage
 * gets only its group (the validation and the rewrite the {@link dev.wisex.api.InitRules}, the WASI
 * host the {@link HostAccess}, init an {@link InitCall}, the backend an {@link InstanceConfig}).
 *
 * <pre>{@code
 * WisexOptions options = WisexOptions.builder().initFunc("init").allowWasi(true).build();
 * byte[] output = new Preinitializer(options).preinitialize(Files.readAllBytes(input)).module();
 * }</pre>
 *
 * <p>Init may call the embedder's own functions: {@link #withHostFunctions}. A backend is chosen by
 * {@link RuntimeChoice#name()} or, without a name, per module among the backends {@link
 * RuntimeRegistry#discover()} finds ({@code EngineChoice}: by code size and how each prepares
 * code). README.md's "Library use" shows each case; {@code LibraryExamplesTest} runs them.
 */
public final class Preinitializer {
  private static final Logger LOG = LogManager.getLogger(Preinitializer.class);

  private final WisexOptions options;
  private final RuntimeRegistry runtimes;
  private final ProgressListener progress;
  private final List<HostFunction> hostFunctions;
  private final Vocabulary vocabulary;

  /** Uses the backends found with {@link java.util.ServiceLoader}. */
  public Preinitializer(WisexOptions options) {
    this(options, RuntimeRegistry.discover());
  }

  public Preinitializer(WisexOptions options, RuntimeRegistry runtimes) {
    this(options, runtimes, List.of(), ProgressListener.NONE, Vocabulary.LIBRARY);
  }

  private Preinitializer(
      WisexOptions options,
      RuntimeRegistry runtimes,
      List<HostFunction> hostFunctions,
      ProgressListener progress,
      Vocabulary vocabulary) {
    this.options = Objects.requireNonNull(options, "options");
    this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
    this.hostFunctions = HostFunctionSet.checkUnique(hostFunctions);
    this.progress = Objects.requireNonNull(progress, "progress");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /** A pre-initializer that tells {@code listener} each stage as it starts. */
  public Preinitializer withProgress(ProgressListener listener) {
    return new Preinitializer(options, runtimes, hostFunctions, listener, vocabulary);
  }

  /**
   * A pre-initializer whose failures name the settings to change in {@code words}: {@link
   * Vocabulary#LIBRARY} (the builder's methods, the default), or the CLI's flags and the Maven
   * plugin's parameters for those front ends.
   */
  public Preinitializer messagesIn(Vocabulary words) {
    return new Preinitializer(options, runtimes, hostFunctions, progress, words);
  }

  /**
   * A pre-initializer that links these functions for the module's imports of the same {@code
   * module.name} during init (the library's counterpart of {@code --preload}): they win over WASI
   * and over the stub that fails init, must have the import's type, and are ignored where nothing
   * imports them. The output keeps the imports, so whoever runs it links the real functions.
   *
   * @throws IllegalArgumentException if two functions share a {@code module.name}
   */
  public Preinitializer withHostFunctions(List<HostFunction> functions) {
    return new Preinitializer(options, runtimes, functions, progress, vocabulary);
  }

  /**
   * Runs the whole pipeline on a module's bytes and returns the pre-initialized module.
   *
   * <p>{@link WisexOptions#limits()}'s timeout bounds the whole call. Without a runtime name, the
   * backend is chosen by the module's code size, and in the middle band two may race on threads of
   * their own (README, "Choosing a runtime backend"); init that outgrows the chosen engine's memory
   * runs again on an available backend that holds more.
   *
   * <p>Interrupting the calling thread stops the run as its timeout would: a {@link
   * dev.wisex.api.LimitExceededException} saying it was interrupted, the thread's interrupt flag
   * kept.
   *
   * @throws dev.wisex.api.WisexException with a one-line cause if the module is rejected or init
   *     fails, naming what to change in {@link #messagesIn}'s vocabulary
   */
  public WisexResult preinitialize(byte[] input) {
    Objects.requireNonNull(input, "input");
    try {
      return run(input);
    } catch (WisexException e) {
      throw e.in(vocabulary);
    }
  }

  private WisexResult run(byte[] input) {
    ParsedInput parsed = parse(input);
    if (options.runtime().crossCheck()) {
      return CrossCheck.run(
          parsed,
          options,
          runtimes,
          o -> new Preinitializer(o, runtimes, hostFunctions, progress, vocabulary));
    }
    // Decided once: the load average may change before the pipeline asks again.
    String noRace = EngineRace.refusal(!hostFunctions.isEmpty());
    EngineChoice race =
        EngineRace.plan(
            parsed, options, runtimes, noRace, EngineRace.trialAllowed(!hostFunctions.isEmpty()));
    if (race != null) {
      EngineMemo memo = EngineMemo.of(options.runtime().cacheDir(), parsed.bytes());
      Optional<String> known = memo == null ? Optional.empty() : memo.recall();
      if (known.isPresent()
          && (known.get().equals(race.runtime().name())
              || known.get().equals(race.rival().name()))) {
        LOG.info(
            "init runs on runtime `{}`: it finished init first on this module in an earlier run"
                + " (remembered in {})",
            known.get(),
            options.runtime().cacheDir().resolve(EngineMemo.SUBDIRECTORY));
        try {
          return new Preinitializer(
                  options.toBuilder().runtime(known.get()).build(),
                  runtimes,
                  hostFunctions,
                  progress,
                  vocabulary)
              .preinitialize(
                  parsed, "the backend that finished init first on this module before", noRace);
        } catch (RuntimeException e) {
          if (!EngineRace.ownFailure(e)) {
            throw e;
          }
          // Other options than last time, perhaps: that backend cannot run init now.
          LOG.info("{}; deciding on a backend again", e.getMessage());
        }
      }
      return EngineRace.run(
          parsed,
          options,
          race,
          memo,
          progress,
          o -> new Preinitializer(o, runtimes, hostFunctions, ProgressListener.NONE, vocabulary));
    }
    return preinitialize(parsed, null, noRace);
  }

  /** Parses and scans the input once for the whole call, under {@code --timeout}. */
  private ParsedInput parse(byte[] input) {
    try (RunDeadline deadline = new RunDeadline(options.limits().timeout(), Duration.ZERO)) {
      try {
        progress.stage("parse", input.length + " bytes");
        return ParsedInput.of(input);
      } catch (OutOfMemoryError e) {
        throw OutOfHeap.during("parse", e);
      } catch (RuntimeException e) {
        throw OutOfHeap.causedBy(e) ? OutOfHeap.during("parse", e) : deadline.explain(e);
      }
    }
  }

  /**
   * The pipeline on one backend, under what {@code --timeout} leaves after the parse.
   *
   * @param namedBy who named {@link RuntimeChoice#name()}, for {@code -v}; {@code null} for the
   *     user
   * @param noRace why init may not race ({@link EngineRace#refusal}), for {@code -v}
   */
  WisexResult preinitialize(ParsedInput parsed, String namedBy, String noRace) {
    return preinitialize(parsed, namedBy, noRace, parsed.took());
  }

  /**
   * As above, after {@code spent} of {@code --timeout} is gone (the parse, and in a trial the
   * backend tried first).
   */
  WisexResult preinitialize(ParsedInput parsed, String namedBy, String noRace, Duration spent) {
    try (RunDeadline deadline = new RunDeadline(options.limits().timeout(), spent)) {
      try {
        try {
          return preinitialize(parsed, deadline, namedBy, noRace);
        } catch (BackendUnusableException e) {
          // The backend cannot run anything here (a Node.js too old): where no runtime was named,
          // the default chooses again among the others, within the same deadline.
          RuntimeRegistry others = options.runtime().name() == null ? without(e) : null;
          if (others == null) {
            throw e;
          }
          LOG.info("{}; choosing a backend again without it", e.getMessage());
          return new Preinitializer(options, others, hostFunctions, progress, vocabulary)
              .preinitialize(parsed, deadline, null, noRace);
        } catch (EngineLimitException e) {
          // The module outgrew the engine, not a limit the user set: where no runtime was named,
          // run init again on one that holds more, within the same deadline, on the same parse.
          WasmRuntime larger = options.runtime().name() == null ? largerRuntime(parsed, e) : null;
          if (larger == null) {
            throw e;
          }
          LOG.info("{}; running init again on runtime `{}`", e.getMessage(), larger.name());
          return new Preinitializer(
                  options.toBuilder().runtime(larger.name()).build(),
                  runtimes,
                  hostFunctions,
                  progress,
                  vocabulary)
              .preinitialize(
                  parsed, deadline, "the retry on a backend that holds more memory", noRace);
        }
      } catch (OutOfMemoryError e) {
        throw OutOfHeap.during(deadline.stage(), e);
      } catch (RuntimeException e) {
        throw OutOfHeap.causedBy(e) ? OutOfHeap.during(deadline.stage(), e) : deadline.explain(e);
      }
    }
  }

  private WisexResult preinitialize(
      ParsedInput parsed, RunDeadline deadline, String namedBy, String noRace) {
    HostAccess host = options.host();
    RuntimeChoice backend = options.runtime();
    byte[] input = parsed.bytes();
    WasmModule module = parsed.module();
    CodeFeatures code = parsed.code();
    StageClock clock = new StageClock("parse", parsed.took());
    Optional<InitOnceFlag> onceFlag =
        RestrictionValidator.validate(module, code, options.init(), options.features());
    Set<Capability> required = RequiredCapabilities.of(module, code);
    CodeSize codeSize = CodeSize.of(module);
    EngineChoice choice =
        EngineChoice.choose(
            runtimes,
            backend,
            required,
            codeSize,
            namedBy,
            noRace,
            false,
            CompileCostHazard.of(module, code),
            null);
    WasmRuntime runtime =
        HeapPlan.beforeInit(
            module, input.length, choice.runtime(), runtimes, required, backend.name() != null);
    InstanceConfig instanceConfig = InstanceConfig.of(backend);
    clock.lap("validate");
    deadline.stage("instrument");
    progress.stage("instrument", "");
    InstrumentedModule instrumented = Instrumenter.instrument(module, code);
    LimitedModule runnable =
        InitTimePasses.apply(
            module,
            code,
            instrumented,
            options.features().relaxedSimdDeterministic(),
            options.limits(),
            runtime.knownDefects(),
            new EngineMemoryLimit(runtime.name(), runtime.maxMemoryBytes()),
            type -> runtime.memoryOnHeap(HeapPlan.limits(type)),
            SplitPolicy.largestFunction(runtime, codeSize),
            (limited, largest) -> SplitMemo.split(instanceConfig.cacheDir(), limited, largest));
    clock.lap("instrument");
    // The user's question is answered once: a race or a retry logged its own decision already.
    if (runtime == choice.runtime()) { // else HeapPlan said why another runs it
      LOG.log(
          namedBy == null ? Level.INFO : Level.DEBUG,
          "init runs on {}",
          vocabulary.render(choice.reason()));
    }
    Snapshot snapshot;
    ImportCalls calls;
    OutputAssembler.Output output;
    // The host (and its sandbox) lives exactly as long as the instance that init runs in, and that
    // instance until the output is written and verified: the snapshot's bytes are copied from its
    // memories straight into the output, never held in between.
    try (PreloadedModules preloaded =
            PreloadedModules.load(
                module,
                host.preloads(),
                runtime,
                instanceConfig,
                preload ->
                    InitTimePasses.conform(
                        preload,
                        options.features().relaxedSimdDeterministic(),
                        runtime.knownDefects()));
        WasixHost wasi =
            host.allowWasi() && ImportLinker.importsWasi(module) ? WasiHosts.create(host) : null) {
      // The library user's own functions win over preloaded ones.
      List<HostFunction> own = new ArrayList<>(preloaded.functions());
      own.removeIf(
          p -> hostFunctions.stream().anyMatch(h -> h.qualifiedName().equals(p.qualifiedName())));
      own.addAll(hostFunctions);
      calls = ImportCalls.counting(ImportLinker.link(module, wasi, runtime, own));
      deadline.stage("init");
      progress.stage("init", "on " + runtime.name());
      try (WasmInstance instance =
          InitRunner.run(
              runtime,
              runnable,
              module,
              calls.imports(),
              InitCall.of(options, instanceConfig),
              started -> progress.watchMemory(() -> memoryBytes(started, instrumented)))) {
        clock.lap("init");
        if (wasi != null) {
          wasi.checkSnapshotable();
        }
        deadline.stage("snapshot");
        progress.stage("snapshot", memoryTotal(instance, instrumented));
        snapshot = Snapshotter.snapshot(instance, instrumented);
        clock.lap("snapshot");
        deadline.stage("rewrite");
        progress.stage("rewrite", "");
        output = OutputAssembler.assemble(module, onceFlag, snapshot, options.init());
        // The output must at least be well-formed; parsed once, and verified in that form.
        WasmModule written = ModuleParser.parse(output.bytes());
        clock.lap("rewrite");
        if (backend.verify()) {
          deadline.stage("verify");
          progress.stage("verify", "");
          HeapPlan.beforeVerify(module, snapshot, runtime);
          OutputVerifier.verify(runtime, written, snapshot, instanceConfig);
          clock.lap("verify");
        }
      }
    }
    return new WisexResult(
        output.bytes(), report(runtime, input, module, snapshot, output, calls, clock));
  }

  /** The runtimes other than the one that cannot run here, or {@code null} if none is left. */
  private RuntimeRegistry without(BackendUnusableException failure) {
    List<WasmRuntime> rest =
        runtimes.all().stream().filter(r -> !r.name().equals(failure.runtime())).toList();
    return rest.isEmpty() ? null : new RuntimeRegistry(rest);
  }

  /**
   * The preferred available runtime that supports the module and holds larger memories than the one
   * that failed, or {@code null}.
   */
  private WasmRuntime largerRuntime(ParsedInput parsed, EngineLimitException failure) {
    Set<Capability> required = RequiredCapabilities.of(parsed.module(), parsed.code());
    return runtimes.able(required).stream()
        .filter(r -> r.maxMemoryBytes() > failure.limit().maxBytes())
        .findFirst()
        .orElse(null);
  }

  /** The total size of the instance's memories from any thread, or -1 if unknown. */
  private static long memoryBytes(WasmInstance instance, InstrumentedModule instrumented) {
    long total = 0;
    for (String name : instrumented.memoryExports()) {
      long bytes = instance.memoryBytesFromAnyThread(name);
      if (bytes < 0) {
        return -1;
      }
      total += bytes;
    }
    return total;
  }

  private static String memoryTotal(WasmInstance instance, InstrumentedModule instrumented) {
    long bytes = 0;
    for (String name : instrumented.memoryExports()) {
      bytes += instance.memory(name).byteSize();
    }
    return bytes == 0 ? "" : Sizes.describe(bytes) + " of memory";
  }

  private static SnapshotReport report(
      WasmRuntime runtime,
      byte[] input,
      WasmModule module,
      Snapshot snapshot,
      OutputAssembler.Output output,
      ImportCalls calls,
      StageClock clock) {
    List<MemoryReport> memories =
        snapshot.memories().stream()
            .map(
                m ->
                    new MemoryReport(
                        m.index(), m.pages(), m.nonZeroBytes(), m.runs().size(), m.segmentBytes()))
            .toList();
    return new SnapshotReport(
        runtime.name(),
        input.length,
        output.bytes().length,
        snapshot.globals().size(),
        memories,
        module.data().size(),
        output.dataSegments(),
        runtime.version(),
        output.globalsChanged(),
        calls.called(),
        clock.laps());
  }
}
