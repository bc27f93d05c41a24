package dev.wisex.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the host gives init (the CLI's "Host access during init" options): WASI/WASIX and its
 * sandbox (standard streams, environment, directories, clocks and randomness), preloaded modules,
 * and whether an exit ends init. Nothing else of the host is visible to the guest.
 *
 * @param allowWasi link WASI preview1 and WASIX host functions during init
 * @param inheritStdio let init write to the real stdout/stderr (and read stdin)
 * @param inheritEnv expose the host environment to init
 * @param env environment variables for init, added after the inherited ones ({@code --env K=V})
 * @param dirs host directories visible to init under their own path
 * @param mapDirs host directories visible to init under another path
 * @param preloads modules linked by name for init's imports ({@code --preload name=file})
 * @param seed seed of the deterministic {@code random_get} stream ({@code --seed})
 * @param clockEpoch where init's virtual wall clock starts, in seconds since 1970 ({@code
 *     --clock-epoch}), or {@code null}: then {@code SOURCE_DATE_EPOCH} when that environment
 *     variable is set, else 2000-01-01T00:00:00Z
 * @param nondeterministic give init the host's real clocks and a secure random source instead of
 *     the fixed clock and the seeded stream ({@code --nondeterministic}); the output then differs
 *     from run to run
 * @param allowExitZero let init end with {@code proc_exit(0)} and snapshot the state at exit
 * @param programName argv[0] for a WASIX init ({@code wasix_32v1}, {@code wasix_64v1}): the
 *     module's file name, as wasmer gives it; a preview1 init gets no arguments, as under Wizer
 * @param stdio where inherited stdio goes, or {@code null} for the process's own streams
 */
public record HostAccess(
    boolean allowWasi,
    boolean inheritStdio,
    boolean inheritEnv,
    Map<String, String> env,
    List<Path> dirs,
    List<MapDir> mapDirs,
    Map<String, Path> preloads,
    long seed,
    Long clockEpoch,
    boolean nondeterministic,
    boolean allowExitZero,
    String programName,
    StdioStreams stdio) {

  /**
   * The latest start of init's wall clock, in seconds since 1970 (2262-04-11): WASI counts time in
   * nanoseconds, which from there on no longer fit in a signed 64-bit count.
   */
  public static final long LATEST_CLOCK_EPOCH = Long.MAX_VALUE / 1_000_000_000L;

  /** argv[0] when the module has no file name (read from stdin or given as bytes). */
  public static final String DEFAULT_PROGRAM_NAME = "wasm";

  /**
   * @throws IllegalArgumentException if an environment variable name is empty or holds {@code =},
   *     or {@code clockEpoch} is before 1970 or after {@link #LATEST_CLOCK_EPOCH}
   */
  public HostAccess {
    if (clockEpoch != null && !clockEpochInRange(clockEpoch)) {
      throw new IllegalArgumentException(
          "the clock epoch must be 0 to "
              + LATEST_CLOCK_EPOCH
              + " seconds since 1970 (2262-04-11), not "
              + clockEpoch);
    }
    env.keySet().forEach(HostAccess::checkEnvName);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    dirs = List.copyOf(dirs);
    mapDirs = List.copyOf(mapDirs);
    preloads = Collections.unmodifiableMap(new LinkedHashMap<>(preloads));
    Objects.requireNonNull(programName, "programName");
  }

  /** Whether init's wall clock can start at {@code seconds} since 1970. */
  public static boolean clockEpochInRange(long seconds) {
    return seconds >= 0 && seconds <= LATEST_CLOCK_EPOCH;
  }

  /**
   * No WASI, stdio inherited from the process (once WASI is allowed), no environment, directories
   * or preloads, seed 0, the fixed clock, program name {@value #DEFAULT_PROGRAM_NAME}.
   */
  public static HostAccess defaults() {
    return new HostAccess(
        false,
        true,
        false,
        Map.of(),
        List.of(),
        List.of(),
        Map.of(),
        0,
        null,
        false,
        false,
        DEFAULT_PROGRAM_NAME,
        null);
  }

  static void checkEnvName(String name) {
    if (name.isEmpty() || name.indexOf('=') >= 0) {
      throw new IllegalArgumentException("`" + name + "` is not a valid environment variable name");
    }
  }
}
