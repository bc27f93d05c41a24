package dev.wisex.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides what a pre-initialization does, in the groups the pipeline reads them by
 * (and the CLI's {@code --help} lists them by): {@link InitRules}, {@link HostAccess}, {@link
 * WasmFeatures}, {@link RuntimeChoice} and {@link InitLimits}. Each stage takes only its group. One
 * name per concept across CLI flag, builder method and component ({@code --init-func} / {@code
 * initFunc}), so documentation reads the same everywhere; the builder has a shortcut per flag.
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
 * @param init which export initializes and what the output exports ({@code --init-func}, {@code
 *     --keep-init-func}, {@code --rename-func})
 * @param host what the host gives init: WASI and its sandbox, preloads ({@code --allow-wasi},
 *     {@code --dir}, {@code --env}, ...)
 * @param features WebAssembly proposals the module may use ({@code --wasm-*})
 * @param runtime which backend runs init and how ({@code --runtime}, {@code --execution-mode},
 *     {@code --verify}, {@code --cross-check}, {@code --cache-dir})
 * @param limits bounds on init's steps, wall-clock time and memory ({@code --fuel}, {@code
 *     --timeout}, {@code --max-memory})
 */
public record WisexOptions(
    InitRules init,
    HostAccess host,
    WasmFeatures features,
    RuntimeChoice runtime,
    InitLimits limits) {

  /**
   * Wizer's default init export name, in wisex's spelling ({@link InitRules#DEFAULT_INIT_FUNC}).
   */
  public static final String DEFAULT_INIT_FUNC = InitRules.DEFAULT_INIT_FUNC;

  /**
   * argv[0] of a WASIX init when the module has no file name ({@link
   * HostAccess#DEFAULT_PROGRAM_NAME}).
   */
  public static final String DEFAULT_PROGRAM_NAME = HostAccess.DEFAULT_PROGRAM_NAME;

  public WisexOptions {
    Objects.requireNonNull(init, "init");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(runtime, "runtime");
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
    return new Builder().init(init).host(host).features(features).runtime(runtime).limits(limits);
  }

  /**
   * Builds {@link WisexOptions}: a setter per group, and a shortcut per flag with the name of the
   * group's component it sets.
   */
  public static final class Builder {
    private String initFunc;
    private boolean keepInitFunc;
    private final Map<String, String> renameFuncs = new LinkedHashMap<>();
    private boolean allowWasi;
    private boolean inheritStdio;
    private boolean inheritEnv;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Path> dirs = new ArrayList<>();
    private final List<MapDir> mapDirs = new ArrayList<>();
    private final Map<String, Path> preloads = new LinkedHashMap<>();
    private long seed;
    private Long clockEpoch;
    private boolean nondeterministic;
    private boolean allowExitZero;
    private String programName;
    private StdioStreams stdio;
    private WasmFeatures features = WasmFeatures.defaults();
    private String runtime;
    private ExecutionMode executionMode;
    private boolean verify;
    private boolean crossCheck;
    private Path cacheDir;
    private InitLimits limits = InitLimits.defaults();

    private Builder() {
      init(InitRules.defaults()).host(HostAccess.defaults()).runtime(RuntimeChoice.defaults());
    }

    /** Sets every init rule at once. */
    public Builder init(InitRules value) {
      initFunc = value.initFunc();
      keepInitFunc = value.keepInitFunc();
      renameFuncs.clear();
      renameFuncs.putAll(value.renameFuncs());
      return this;
    }

    /** Sets everything the host gives init at once. */
    public Builder host(HostAccess value) {
      allowWasi = value.allowWasi();
      inheritStdio = value.inheritStdio();
      inheritEnv = value.inheritEnv();
      env.clear();
      env.putAll(value.env());
      dirs.clear();
      dirs.addAll(value.dirs());
      mapDirs.clear();
      mapDirs.addAll(value.mapDirs());
      preloads.clear();
      preloads.putAll(value.preloads());
      seed = value.seed();
      clockEpoch = value.clockEpoch();
      nondeterministic = value.nondeterministic();
      allowExitZero = value.allowExitZero();
      programName = value.programName();
      stdio = value.stdio();
      return this;
    }

    /** Sets the whole runtime choice at once. */
    public Builder runtime(RuntimeChoice value) {
      runtime = value.name();
      executionMode = value.executionMode();
      verify = value.verify();
      crossCheck = value.crossCheck();
      cacheDir = value.cacheDir();
      return this;
    }

    public Builder initFunc(String value) {
      initFunc = value;
      return this;
    }

    public Builder keepInitFunc(boolean value) {
      keepInitFunc = value;
      return this;
    }

    /**
     * Renames export {@code src} (of any kind) to {@code dst} in the output; an existing {@code
     * dst} export is replaced. Each {@code dst} and each {@code src} may be named once, as in
     * Wizer: one export cannot take two names, nor one name two exports.
     *
     * @throws IllegalArgumentException if {@code dst} or {@code src} was named before
     */
    public Builder renameFunc(String dst, String src) {
      Objects.requireNonNull(dst, "dst");
      Objects.requireNonNull(src, "src");
      if (renameFuncs.containsKey(dst)) {
        throw new IllegalArgumentException(
            "--rename-func names the destination `"
                + dst
                + "` twice; give each export one new name");
      }
      if (renameFuncs.containsValue(src)) {
        throw new IllegalArgumentException(
            "--rename-func renames the export `"
                + src
                + "` twice; an export can take one new name");
      }
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
      dirs.add(Objects.requireNonNull(value, "dir"));
      return this;
    }

    public Builder mapDir(MapDir value) {
      mapDirs.add(Objects.requireNonNull(value, "mapDir"));
      return this;
    }

    public Builder preload(String name, Path module) {
      preloads.put(
          Objects.requireNonNull(name, "preload name"),
          Objects.requireNonNull(module, "preload module"));
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
      HostAccess.checkEnvName(Objects.requireNonNull(key, "env key"));
      env.put(key, Objects.requireNonNull(value, "env value"));
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
          new InitRules(initFunc, keepInitFunc, renameFuncs),
          new HostAccess(
              allowWasi,
              inheritStdio,
              inheritEnv,
              env,
              dirs,
              mapDirs,
              preloads,
              seed,
              clockEpoch,
              nondeterministic,
              allowExitZero,
              programName,
              stdio),
          features,
          new RuntimeChoice(runtime, executionMode, verify, crossCheck, cacheDir),
          limits);
    }
  }
}
