package dev.wisex.maven;

import dev.wisex.api.AtomicFile;
import dev.wisex.api.ExecutionMode;
import dev.wisex.api.IoFailures;
import dev.wisex.api.LimitValues;
import dev.wisex.api.MapDir;
import dev.wisex.api.ReportJson;
import dev.wisex.api.SnapshotReport;
import dev.wisex.api.Vocabulary;
import dev.wisex.api.WasmFeatures;
import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.Preinitializer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pre-initializes the configured {@code .wasm} files, by default in the {@code package} phase, so a
 * build ships modules that start already initialized. Every parameter is a CLI flag under its
 * library name ({@code --init-func} / {@code initFunc}), with the same meaning and default, and
 * failures name the parameter to change. Parameter docs name elements without angle brackets:
 * {@code help:describe} reads descriptions as HTML and would drop them.
 */
@Mojo(name = "preinit", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class PreinitMojo extends AbstractMojo {
  /**
   * The modules to pre-initialize, one {@code file} element each, with an {@code input} (required)
   * and optionally {@code output}, {@code initFunc}, {@code report} and {@code classifier}.
   */
  @Parameter List<WasmFile> files = new ArrayList<>();

  /**
   * The export that init calls once, as the CLI's {@code --init-func}; a {@code file} may name its
   * own. Wizer's {@code wizer.initialize} is spelled {@code wizex.initialize} here.
   */
  @Parameter(property = "wisex.initFunc", defaultValue = WisexOptions.DEFAULT_INIT_FUNC)
  String initFunc = WisexOptions.DEFAULT_INIT_FUNC;

  /** Keep the init export in the output instead of removing it ({@code --keep-init-func}). */
  @Parameter(property = "wisex.keepInitFunc", defaultValue = "false")
  boolean keepInitFunc;

  /**
   * Export renames applied to the output, each {@code DST=SRC}: export {@code SRC} is exported as
   * {@code DST}, replacing any export {@code DST} ({@code --rename-func}). For example one {@code
   * renameFunc} entry {@code _start=main}.
   */
  @Parameter(property = "wisex.renameFuncs")
  List<String> renameFuncs = new ArrayList<>();

  /**
   * Link WASI preview1 and WASIX host functions during init, sandboxed ({@code --allow-wasi}, also
   * spelled {@code allowWasix}).
   */
  @Parameter(property = "wisex.allowWasi", alias = "allowWasix", defaultValue = "false")
  boolean allowWasi;

  /**
   * Let init see the environment variables of the JVM running Maven, sorted by name ({@code
   * --inherit-env}); off by default so the output does not depend on the build machine.
   */
  @Parameter(property = "wisex.inheritEnv", defaultValue = "false")
  boolean inheritEnv;

  /**
   * Environment variables for init, set after any inherited ones ({@code --env NAME=VALUE}): one
   * child element per variable, named after it, e.g. {@code LANG} with the text {@code C}.
   */
  @Parameter Map<String, String> env = new LinkedHashMap<>();

  /**
   * Host directories copied, read-only, into init's in-memory sandbox under their own path ({@code
   * --dir}).
   */
  @Parameter List<File> dirs = new ArrayList<>();

  /**
   * Host directories visible to init under another path, each {@code GUEST::HOST} ({@code
   * --mapdir}); a relative {@code HOST} is resolved against the project's directory. For example
   * one {@code mapDir} entry {@code /assets::src/main/assets}.
   */
  @Parameter(property = "wisex.mapDirs")
  List<String> mapDirs = new ArrayList<>();

  /**
   * Modules linked by name for init's imports, each {@code NAME=FILE} ({@code --preload}); a
   * relative {@code FILE} is resolved against the project's directory. For example one {@code
   * preload} entry {@code env=src/main/wasm/env.wasm}.
   */
  @Parameter(property = "wisex.preloads")
  List<String> preloads = new ArrayList<>();

  /** Seed of init's deterministic {@code random_get} stream ({@code --seed}). */
  @Parameter(property = "wisex.seed", defaultValue = "0")
  long seed;

  /**
   * Give init the real clocks and a secure random source instead of the fixed clock
   * (2000-01-01T00:00:00Z, advanced only by sleeps) and the seeded stream ({@code
   * --nondeterministic}); the output then differs between builds.
   */
  @Parameter(property = "wisex.nondeterministic", defaultValue = "false")
  boolean nondeterministic;

  /**
   * Accept {@code proc_exit(0)} during init and snapshot the state at the exit ({@code
   * --allow-exit-zero}).
   */
  @Parameter(property = "wisex.allowExitZero", defaultValue = "false")
  boolean allowExitZero;

  /**
   * Stop init after this many steps (function entries plus loop iterations); the same module stops
   * at the same place on every backend. {@code 0} means no limit ({@code --fuel}).
   */
  @Parameter(property = "wisex.fuel", defaultValue = "0")
  long fuel;

  /**
   * Stop init after this wall-clock time: seconds ({@code 30}, {@code 2.5}) or with a unit ({@code
   * 500ms}, {@code 90s}, {@code 10m}, {@code 1h}) ({@code --timeout}).
   */
  @Parameter(property = "wisex.timeout", defaultValue = "10m")
  String timeout = "10m";

  /**
   * Fail init that grows any memory beyond this size: bytes, or with a binary unit ({@code 64KiB},
   * {@code 512MiB}, {@code 4GiB}; {@code K}, {@code M}, {@code G} mean the same) ({@code
   * --max-memory}).
   */
  @Parameter(property = "wisex.maxMemory", defaultValue = "4GiB")
  String maxMemory = "4GiB";

  /**
   * The runtime backend by name, e.g. {@code chicory} ({@code --runtime}); when unset, chosen per
   * module as by the CLI (README, "Choosing a runtime backend"): V8 where {@code
   * wisex-runtime-node} is a plugin dependency and Node.js 20+ is installed. Other backends are
   * added as dependencies of the plugin.
   */
  @Parameter(property = "wisex.runtime")
  String runtime;

  /**
   * How the backend runs init: {@code auto}, {@code compiler} or {@code interpreter}, in any case
   * ({@code --execution-mode}).
   */
  @Parameter(property = "wisex.executionMode", defaultValue = "auto")
  String executionMode = "auto";

  /**
   * Before writing, instantiate the output without running init and check that every global and
   * memory byte equals the snapshot; fail the build with the first difference if not ({@code
   * --verify}).
   */
  @Parameter(property = "wisex.verify", defaultValue = "false")
  boolean verify;

  /**
   * Where init's wall clock starts ({@code --clock-epoch}): seconds since 1970 or an ISO-8601
   * instant. Defaults to the project's reproducible-build timestamp, when it sets one.
   */
  @Parameter(property = "wisex.clockEpoch", defaultValue = "${project.build.outputTimestamp}")
  String clockEpoch;

  /**
   * Run init on every backend available to the plugin that runs the module and fail unless their
   * outputs agree ({@code --cross-check}); one full run per backend.
   */
  @Parameter(property = "wisex.crossCheck", defaultValue = "false")
  boolean crossCheck;

  /**
   * Where compiled guest code is kept between builds ({@code --cache-dir}), so that a module
   * compiled once is not compiled again; under {@code target/}, so {@code mvn clean} empties it. At
   * most 1 GiB per backend; the least recently used entries go first.
   */
  @Parameter(
      property = "wisex.cacheDir",
      defaultValue = "${project.build.directory}/wisex/compile-cache")
  File cacheDir;

  /** Compile guest code afresh and keep nothing ({@code --no-cache}). */
  @Parameter(property = "wisex.noCache", defaultValue = "false")
  boolean noCache;

  /** Allow the multi-memory proposal ({@code --wasm-multi-memory}); off rejects such modules. */
  @Parameter(property = "wisex.wasmMultiMemory", defaultValue = "true")
  boolean wasmMultiMemory = true;

  /** Allow the multi-value proposal ({@code --wasm-multi-value}); off rejects such modules. */
  @Parameter(property = "wisex.wasmMultiValue", defaultValue = "true")
  boolean wasmMultiValue = true;

  /** Allow bulk memory operations ({@code --wasm-bulk-memory}); off rejects such modules. */
  @Parameter(property = "wisex.wasmBulkMemory", defaultValue = "true")
  boolean wasmBulkMemory = true;

  /** Allow SIMD ({@code --wasm-simd}); off rejects modules that use v128. */
  @Parameter(property = "wisex.wasmSimd", defaultValue = "true")
  boolean wasmSimd = true;

  /** Allow reference types ({@code --wasm-reference-types}); off rejects such modules. */
  @Parameter(property = "wisex.wasmReferenceTypes", defaultValue = "true")
  boolean wasmReferenceTypes = true;

  /** Allow threads and shared memories ({@code --wasm-threads}); off rejects such modules. */
  @Parameter(property = "wisex.wasmThreads", defaultValue = "true")
  boolean wasmThreads = true;

  /** Allow 64-bit memories ({@code --wasm-memory64}); off rejects such modules. */
  @Parameter(property = "wisex.wasmMemory64", defaultValue = "true")
  boolean wasmMemory64 = true;

  /**
   * Allow relaxed SIMD ({@code --wasm-relaxed-simd}); off rejects modules that use it. Unset, it
   * follows {@code wasmSimd}: relaxed SIMD extends SIMD, so it cannot be on while SIMD is off.
   */
  @Parameter(property = "wisex.wasmRelaxedSimd")
  Boolean wasmRelaxedSimd;

  /**
   * Run init with the results the WebAssembly spec's deterministic profile prescribes for relaxed
   * SIMD instructions ({@code --relaxed-simd-deterministic}), so the output never depends on the
   * build machine's CPU; the output keeps its relaxed instructions.
   */
  @Parameter(property = "wisex.relaxedSimdDeterministic", defaultValue = "true")
  boolean relaxedSimdDeterministic = true;

  /**
   * Pre-initialize every file even when its output is up to date. By default a file is skipped when
   * its output is newer than its input and was written with the same configuration (a hash of the
   * effective options is kept in {@code target/wisex/NAME-HASH.options.sha256}); files that {@code
   * dirs}, {@code mapDirs} or {@code preloads} name are not compared, so pass {@code -Dwisex.force}
   * after changing only those.
   */
  @Parameter(property = "wisex.force", defaultValue = "false")
  boolean force;

  /**
   * Attach every output to the project as an artifact of type {@code wasm} under its {@code file}'s
   * {@code classifier} (default: the output's name without {@code .wasm}), so {@code install} and
   * {@code deploy} publish it beside the project's main artifact.
   */
  @Parameter(property = "wisex.attach", defaultValue = "false")
  boolean attach;

  /** Skip the goal. */
  @Parameter(property = "wisex.skip", defaultValue = "false")
  boolean skip;

  /** Where default outputs go. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  /** What relative {@code mapDirs} and {@code preloads} paths are resolved against. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File baseDirectory;

  /** The project outputs are attached to (a MavenProject; see {@link ArtifactAttacher}). */
  @Parameter(defaultValue = "${project}", readonly = true)
  Object project;

  /** The build session, whose container provides Maven's project helper. */
  @Parameter(defaultValue = "${session}", readonly = true)
  Object session;

  /** Maven creates the goal. */
  public PreinitMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("wisex: skipped (wisex.skip)");
      return;
    }
    if (files == null || files.isEmpty()) {
      throw new MojoFailureException(
          "wisex:preinit has no modules; add <files><file><input>src/main/wasm/app.wasm</input>"
              + "</file></files> to its <configuration>");
    }
    ArtifactAttacher attacher = attach ? ArtifactAttacher.of(session, project) : null;
    for (WasmFile file : files) {
      File output = preinitialize(file);
      if (attacher != null) {
        String classifier = file.classifierOr(output);
        attacher.attach(output, classifier);
        getLog().info("wisex: attached " + output.getName() + " as classifier " + classifier);
      }
    }
  }

  /** Writes {@code file}'s output unless it is up to date, and returns where it is. */
  private File preinitialize(WasmFile file) throws MojoExecutionException, MojoFailureException {
    if (file.input == null) {
      throw new MojoFailureException("a <file> of wisex:preinit has no <input>; name a .wasm file");
    }
    File output = file.outputOr(buildDirectory);
    if (sameFile(output, file.input)) {
      throw new MojoFailureException(
          "wisex: <output> " + output + " is the <input>, which it would overwrite; give another");
    }
    if (file.report != null
        && (sameFile(file.report, output) || sameFile(file.report, file.input))) {
      throw new MojoFailureException(
          "wisex: <report> "
              + file.report
              + " is the "
              + (sameFile(file.report, output) ? "<output>" : "<input>")
              + "; give the report a file of its own");
    }
    byte[] input = read(file.input);
    WisexOptions options = options(file);
    OptionsStamp stamp =
        OptionsStamp.of(buildDirectory, file.input, input, output, file.report, options);
    if (!force && upToDate(stamp, file.input, output, file.report)) {
      getLog()
          .info(
              "wisex: "
                  + file.input.getName()
                  + " -> "
                  + output
                  + " is up to date (output newer than input, same configuration); skipped");
      return output;
    }
    WisexResult result;
    try {
      result = new Preinitializer(options).messagesIn(Vocabulary.MAVEN).preinitialize(input);
    } catch (WisexException | IllegalArgumentException e) {
      throw failure("wisex: " + file.input + ": " + Vocabulary.MAVEN.render(e.getMessage()), e);
    }
    write(file, output, result, stamp);
    getLog().info("wisex: " + file.input.getName() + " -> " + output + summary(result.report()));
    return output;
  }

  /** Whether two configured files are one (the same absolute path, or the same existing file). */
  private static boolean sameFile(File a, File b) {
    Path x = a.toPath().toAbsolutePath().normalize();
    Path y = b.toPath().toAbsolutePath().normalize();
    try {
      return x.equals(y) || (Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y));
    } catch (IOException e) {
      return false;
    }
  }

  /** The output and its report together, or neither, then the stamp that records them. */
  private void write(WasmFile file, File output, WisexResult result, OptionsStamp stamp)
      throws MojoExecutionException {
    try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
      Files.createDirectories(output.toPath().toAbsolutePath().getParent());
      batch.add(output.toPath(), result.module());
      if (file.report != null) {
        Files.createDirectories(file.report.toPath().toAbsolutePath().getParent());
        String json = ReportJson.render(result.report(), file.input.getPath(), output.getPath());
        batch.add(file.report.toPath(), json.getBytes(StandardCharsets.UTF_8));
      }
      batch.commit();
    } catch (IOException e) {
      // The failing file is named in the exception (AtomicFile names its target), the output or
      // the report.
      String target =
          e instanceof FileSystemException fse && fse.getFile() != null
              ? fse.getFile()
              : output.toString();
      throw new MojoExecutionException(
          "wisex: cannot write " + target + ": " + IoFailures.reason(e), e);
    }
    try {
      stamp.write();
    } catch (IOException e) {
      throw new MojoExecutionException("wisex: cannot write the build stamp: " + e, e);
    }
  }

  private boolean upToDate(OptionsStamp stamp, File input, File output, File report)
      throws MojoExecutionException {
    try {
      return stamp.upToDate(input, output) && (report == null || report.isFile());
    } catch (IOException e) {
      throw new MojoExecutionException("wisex: cannot read " + stamp.file() + ": " + e, e);
    }
  }

  /** The library options for {@code file}; a malformed parameter fails naming it. */
  WisexOptions options(WasmFile file) throws MojoFailureException {
    WisexOptions.Builder builder =
        WisexOptions.builder()
            .initFunc(file.initFunc != null ? file.initFunc : initFunc)
            .keepInitFunc(keepInitFunc)
            .allowWasi(allowWasi)
            .inheritEnv(inheritEnv)
            .seed(seed)
            .nondeterministic(nondeterministic)
            .allowExitZero(allowExitZero)
            .runtime(runtime)
            .executionMode(executionMode())
            .verify(verify)
            .features(features())
            .crossCheck(crossCheck)
            .cacheDir(noCache || cacheDir == null ? null : cacheDir.toPath())
            .programName(file.input.getName())
            // Guest output is logged instead of interleaving with Maven's.
            .inheritStdio(false);
    try {
      ClockEpoch.seconds(clockEpoch).ifPresent(builder::clockEpoch);
      for (String spec : renameFuncs) {
        String[] pair = pair("renameFuncs", spec, "DST=SRC");
        builder.renameFunc(pair[0], pair[1]);
      }
      env.forEach((name, value) -> builder.env(name, value == null ? "" : value));
      dirs.forEach(dir -> builder.dir(dir.toPath()));
      for (String spec : mapDirs) {
        MapDir mapDir = MapDir.parse(spec);
        builder.mapDir(new MapDir(mapDir.guest(), resolve(mapDir.host())));
      }
      for (String spec : preloads) {
        String[] pair = pair("preloads", spec, "NAME=FILE");
        builder.preload(pair[0], resolve(Path.of(pair[1])));
      }
    } catch (IllegalArgumentException e) {
      throw failure("wisex: " + Vocabulary.MAVEN.render(e.getMessage()), e);
    }
    try {
      builder.fuel(fuel);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("wisex: <fuel> " + e.getMessage(), e);
    }
    try {
      builder.timeout(LimitValues.duration(timeout));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("wisex: <timeout>: " + e.getMessage(), e);
    }
    try {
      builder.maxMemoryBytes(LimitValues.size(maxMemory));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("wisex: <maxMemory>: " + e.getMessage(), e);
    }
    return builder.build();
  }

  /** {@code <executionMode>} in any case, as the CLI takes {@code --execution-mode}. */
  private ExecutionMode executionMode() throws MojoFailureException {
    for (ExecutionMode mode : ExecutionMode.values()) {
      if (mode.name().equalsIgnoreCase(executionMode == null ? "" : executionMode.trim())) {
        return mode;
      }
    }
    throw new MojoFailureException(
        "wisex: <executionMode> `"
            + executionMode
            + "` is none of auto, compiler, interpreter; fix <executionMode>");
  }

  /** The {@code <wasm*>} parameters; relaxed SIMD without SIMD fails naming both parameters. */
  private WasmFeatures features() throws MojoFailureException {
    try {
      return new WasmFeatures(
          wasmMultiMemory,
          wasmMultiValue,
          wasmBulkMemory,
          wasmSimd,
          wasmReferenceTypes,
          wasmThreads,
          wasmMemory64,
          wasmRelaxedSimd != null ? wasmRelaxedSimd : wasmSimd,
          relaxedSimdDeterministic);
    } catch (IllegalArgumentException e) {
      throw failure("wisex: " + Vocabulary.MAVEN.render(e.getMessage()), e);
    }
  }

  /**
   * A failure whose message is the translated one alone: Maven appends a cause's message that the
   * message does not contain, which would repeat the CLI's flags. The library's exception stays
   * visible with {@code -e}, as a suppressed one.
   */
  private static MojoFailureException failure(String message, Exception libraryException) {
    MojoFailureException failure = new MojoFailureException(message);
    failure.addSuppressed(libraryException);
    return failure;
  }

  /** Splits {@code NAME=VALUE} at the first {@code =}, as the CLI does; both sides non-empty. */
  private static String[] pair(String parameter, String spec, String form) {
    int eq = spec == null ? -1 : spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException(
          "a <" + parameter + "> entry `" + spec + "` is not of the form " + form);
    }
    return new String[] {spec.substring(0, eq), spec.substring(eq + 1)};
  }

  private Path resolve(Path path) {
    return path.isAbsolute() || baseDirectory == null ? path : baseDirectory.toPath().resolve(path);
  }

  private static byte[] read(File input) throws MojoFailureException, MojoExecutionException {
    try {
      return Files.readAllBytes(input.toPath());
    } catch (NoSuchFileException e) {
      throw new MojoFailureException(
          "wisex: input " + input + " does not exist; check the <input> of wisex:preinit", e);
    } catch (IOException e) {
      throw new MojoFailureException(
          "wisex: cannot read <input> " + input + ": " + IoFailures.reason(e), e);
    }
  }

  private static String summary(SnapshotReport report) {
    return " (runtime "
        + report.runtime()
        + ", "
        + report.globalsSnapshotted()
        + " globals, "
        + report.dataSegmentsAfter()
        + " data segments, "
        + report.inputBytes()
        + " -> "
        + report.outputBytes()
        + " bytes)";
  }
}
