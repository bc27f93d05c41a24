package dev.wisex.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides what a pre-initialization does. One name per concept across CLI flag,
 * builder method and component ({@code --init-func} / {@code initFunc}), so documentation reads the
 * same everywhere.
 *
 * <pre>{@code
 * WisexOptions options =
 *     WisexOptions.builder()
 *         .initFunc("init") // --init-func init
 *         .allowWasi(true) // --allow-wasi
 *         .dir(Path.of("assets")) // --dir assets
 *         .runtime("chicory") // --runtime chicory
 *         .build();
 * }</pre>
 *
 * @param initFunc export called once to initialize the instance (Wizer's default {@code
 *     wizer.initialize} is spelled {@code wizex.initialize} here)
 * @param keepInitFunc keep the init export in the output instead of removing it
 * @param renameFuncs export renames applied to the output, {@code dst -> src} (Wizer's {@code -r
 *     dst=src})
 * @param allowWasi link WASI preview1 and WASIX host functions during init
 * @param inheritStdio let init write to the real stdout/stderr (and read stdin)
 * @param inheritEnv expose the host environment to init
 * @param dirs host directories visible to init under their own path
 * @param mapDirs host directories visible to init under another path
 * @param preloads modules linked by name for init's imports ({@code --preload name=file})
 * @param runtime backend name, or {@code null} for the default choice
 * @param executionMode how the backend runs init
 * @param features WebAssembly proposals the module may use
 * @param env environment variables for init, added after the inherited ones ({@code --env K=V})
 * @param seed seed of the deterministic {@code random_get} stream ({@code --seed})
 * @param nondeterministic give init the host's real clocks and a secure random source instead of
 *     the fixed clock and the seeded stream ({@code --nondeterministic}); the output then differs
 *     from run to run
 * @param allowExitZero let init end with {@code proc_exit(0)} and snapshot the state at exit
 * @param programName argv[0] for init: the module's file name, as in Wizer
 * @param stdio where inherited stdio goes, or {@code null} for the process's own streams
 * @param verify after the rewrite, instantiate the output without running init and prove that every
 *     snapshotted global and every memory byte equals the snapshot ({@code --verify})
 * @param limits bounds on init's steps, wall-clock time and memory ({@code --fuel}, {@code
 *     --timeout}, {@code --max-memory})
 * @param clockEpoch where init's virtual wall clock starts, in seconds since 1970 ({@code
 *     --clock-epoch}), or {@code null}: then {@code SOURCE_DATE_EPOCH} when that environment
 *     variable is set, else 2000-01-01T00:00:00Z
 * @param crossCheck run init on every available backend that supports the module and fail, naming
 *     the first differing global or memory range, unless all outputs agree ({@code --cross-check})
 * @param cacheDir where backends keep compiled guest code between runs ({@code --cache-dir}), or
 *     {@code null} for no cache ({@code --no-cache}); by default the per-user cache directory
 *     {@link #defaultCacheDir()}. Only speed depends on it, never the output
 */
public record WisexOptions(
    String initFunc,
    boolean keepInitFunc,
    Map<String, String> renameFuncs,
    boolean allowWasi,
    boolean inheritStdio,
    boolean inheritEnv,
    List<Path> dirs,
    List<MapDir> mapDirs,
    Map<String, Path> preloads,
    String runtime,
    ExecutionMode executionMode,
    WasmFeatures features,
    Map<String, String> env,
    long seed,
    boolean nondeterministic,
    boolean allowExitZero,
    String programName,
    StdioStreams stdio,
    boolean verify,
    InitLimits limits,
    Long clockEpoch,
    boolean crossCheck,
    Path cacheDir) {

  /** Wizer's default init export name, in wisex's spelling. */
  public static final String DEFAULT_INIT_FUNC = "wizex.initialize";

  /** argv[0] when the module has no file name (read from stdin or given as bytes). */
  public static final String DEFAULT_PROGRAM_NAME = "wasm";

  public WisexOptions {
    Objects.requireNonNull(initFunc, "initFunc");
    if (initFunc.isEmpty()) {
      throw new IllegalArgumentException("the init function name must not be empty");
    }
    renameFuncs = Collections.unmodifiableMap(new LinkedHashMap<>(renameFuncs));
    dirs = List.copyOf(dirs);
    mapDirs = List.copyOf(mapDirs);
    preloads = Collections.unmodifiableMap(new LinkedHashMap<>(preloads));
    Objects.requireNonNull(executionMode, "executionMode");
    Objects.requireNonNull(features, "features");
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    Objects.requireNonNull(programName, "programName");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * The per-user cache directory: {@code $XDG_CACHE_HOME/wisex}, else {@code $HOME/.cache/wisex}
   * (the JVM's {@code user.home} when {@code HOME} is not set); null when neither is known (then
   * nothing is cached).
   */
  public static Path defaultCacheDir() {
    String home = System.getenv("HOME");
    return CacheDirectory.userDefault(
        System.getenv("XDG_CACHE_HOME"),
        home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
  }

  /** The options Wizer would use with no flags. */
  public static WisexOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.initFunc = initFunc;
    b.keepInitFunc = keepInitFunc;
    b.renameFuncs.putAll(renameFuncs);
    b.allowWasi = allowWasi;
    b.inheritStdio = inheritStdio;
    b.inheritEnv = inheritEnv;
    b.dirs.addAll(dirs);
    b.mapDirs.addAll(mapDirs);
    b.preloads.putAll(preloads);
    b.runtime = runtime;
    b.executionMode = executionMode;
    b.features = features;
    b.env.putAll(env);
    b.seed = seed;
    b.nondeterministic = nondeterministic;
    b.allowExitZero = allowExitZero;
    b.programName = programName;
    b.verify = verify;
    b.stdio = stdio;
    b.limits = limits;
    b.clockEpoch = clockEpoch;
    b.crossCheck = crossCheck;
    b.cacheDir = cacheDir;
    return b;
  }

  /** Builds {@link WisexOptions}; every setter has the name of the component it sets. */
  public static final class Builder {
    private String initFunc = DEFAULT_INIT_FUNC;
    private boolean keepInitFunc;
    private final Map<String, String> renameFuncs = new LinkedHashMap<>();
    private boolean allowWasi;
    private boolean inheritStdio = true;
    private boolean inheritEnv;
    private final List<Path> dirs = new ArrayList<>();
    private final List<MapDir> mapDirs = new ArrayList<>();
    private final Map<String, Path> preloads = new LinkedHashMap<>();
    private String runtime;
    private ExecutionMode executionMode = ExecutionMode.AUTO;
    private WasmFeatures features = WasmFeatures.defaults();
    private final Map<String, String> env = new LinkedHashMap<>();
    private long seed;
    private boolean nondeterministic;
    private boolean allowExitZero;
    private String programName = DEFAULT_PROGRAM_NAME;
    private boolean verify;
    private StdioStreams stdio;
    private InitLimits limits = InitLimits.defaults();
    private Long clockEpoch;
    private boolean crossCheck;
    private Path cacheDir = defaultCacheDir();

    private Builder() {}

    public Builder initFunc(String value) {
      initFunc = value;
      return this;
    }

    public Builder keepInitFunc(boolean value) {
      keepInitFunc = value;
      return this;
    }

    /**
     * Renames export {@code src} to {@code dst} in the output; an existing {@code dst} export is
     * replaced.
     */
    public Builder renameFunc(String dst, String src) {
      renameFuncs.put(dst, src);
      return this;
    }

    public Builder allowWasi(boolean value) {
      allowWasi = value;
      return this;
    }

    public Builder inheritStdio(boolean value) {
      inheritStdio = value;
      return this;
    }

    public Builder inheritEnv(boolean value) {
      inheritEnv = value;
      return this;
    }

    public Builder dir(Path value) {
      dirs.add(value);
      return this;
    }

    public Builder mapDir(MapDir value) {
      mapDirs.add(value);
      return this;
    }

    public Builder preload(String name, Path module) {
      preloads.put(name, module);
      return this;
    }

    public Builder runtime(String value) {
      runtime = value;
      return this;
    }

    public Builder executionMode(ExecutionMode value) {
      executionMode = value;
      return this;
    }

    public Builder features(WasmFeatures value) {
      features = value;
      return this;
    }

    /** Sets environment variable {@code key} for init; a later call for the same key wins. */
    public Builder env(String key, String value) {
      if (key.isEmpty() || key.indexOf('=') >= 0) {
        throw new IllegalArgumentException(
            "`" + key + "` is not a valid environment variable name");
      }
      env.put(key, value);
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder nondeterministic(boolean value) {
      nondeterministic = value;
      return this;
    }

    public Builder allowExitZero(boolean value) {
      allowExitZero = value;
      return this;
    }

    public Builder programName(String value) {
      programName = value;
      return this;
    }

    public Builder stdio(StdioStreams value) {
      stdio = value;
      return this;
    }

    public Builder verify(boolean value) {
      verify = value;
      return this;
    }

    public Builder limits(InitLimits value) {
      limits = value;
      return this;
    }

    /** Sets the step budget; {@code 0} means unlimited. See {@link InitLimits#fuel()}. */
    public Builder fuel(long value) {
      limits = limits.withFuel(value);
      return this;
    }

    public Builder timeout(Duration value) {
      limits = limits.withTimeout(value);
      return this;
    }

    public Builder maxMemoryBytes(long value) {
      limits = limits.withMaxMemoryBytes(value);
      return this;
    }

    /** Where init's wall clock starts, in seconds since 1970 ({@code --clock-epoch}). */
    public Builder clockEpoch(long seconds) {
      clockEpoch = seconds;
      return this;
    }

    /** Run init on every available backend and require the same output ({@code --cross-check}). */
    public Builder crossCheck(boolean value) {
      crossCheck = value;
      return this;
    }

    /**
     * Where backends keep compiled guest code between runs ({@code --cache-dir}); {@code null}
     * turns the cache off.
     */
    public Builder cacheDir(Path value) {
      cacheDir = value;
      return this;
    }

    /** Compile everything afresh and keep nothing ({@code --no-cache}). */
    public Builder noCache() {
      return cacheDir(null);
    }

    public WisexOptions build() {
      return new WisexOptions(
          initFunc,
          keepInitFunc,
          renameFuncs,
          allowWasi,
          inheritStdio,
          inheritEnv,
          dirs,
          mapDirs,
          preloads,
          runtime,
          executionMode,
          features,
          env,
          seed,
          nondeterministic,
          allowExitZero,
          programName,
          stdio,
          verify,
          limits,
          clockEpoch,
          crossCheck,
          cacheDir);
    }
  }
}
