package dev.wisex.cli;

import dev.wisex.api.HostAccess;
import dev.wisex.api.MapDir;
import dev.wisex.api.StdioStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the host gives init: WASI/WASIX, standard streams, environment, directories and preloaded
 * modules.
 */
final class HostOptions {
  private static final HostAccess DEFAULTS = HostAccess.defaults();

  static final Opt<Boolean> ALLOW_WASI =
      Opt.<Boolean>of(boolean.class, "--allow-wasi", "--allow-wasix")
          .optionalBool()
          .initially(DEFAULTS.allowWasi())
          .description(
              "Link WASI preview1 and WASIX host functions during init (default: ${DEFAULT-VALUE}).");

  static final Opt<Boolean> INHERIT_STDIO =
      Opt.<Boolean>of(boolean.class, "--inherit-stdio")
          .optionalBool()
          .initially(DEFAULTS.inheritStdio())
          .description(
              "Let init use the real stdin, stdout and stderr (default: ${DEFAULT-VALUE}). When the output module"
                  + " goes to stdout, init's stdout goes to stderr; when the input comes from stdin, init's stdin is"
                  + " empty. Otherwise stdin is empty and output is logged at info (-v).");

  static final Opt<Boolean> INHERIT_ENV =
      Opt.<Boolean>of(boolean.class, "--inherit-env")
          .optionalBool()
          .initially(DEFAULTS.inheritEnv())
          .description(
              "Let init see the host's environment variables, sorted by name (default: ${DEFAULT-VALUE}).");

  static final Opt<List<String>> ENVS =
      Opt.listOf(String.class, "--env")
          .label("NAME=VALUE")
          .description(
              "Set environment variable NAME for init, after any inherited ones; repeatable.");

  static final Opt<List<Path>> DIRS =
      Opt.listOf(Path.class, "--dir")
          .label("DIR")
          .description(
              "Make host directory DIR visible to init under the same path, as a writable copy (the"
                  + " host is never written; DIR:ro: read-only, placed among the --mapdirs);"
                  + " repeatable.");

  static final Opt<List<MapDir>> MAP_DIRS =
      Opt.listOf(MapDir.class, "--mapdir")
          .label("GUEST::HOST")
          .converter(MapDir::parse)
          .description(
              "Make host directory HOST visible to init as GUEST, as a writable copy (the host is never"
                  + " written; GUEST::HOST:ro: read-only); repeatable.");

  static final Opt<List<KeyValue>> PRELOADS =
      Opt.listOf(KeyValue.class, "--preload")
          .label("NAME=FILE")
          .converter(KeyValue::parse)
          .description("Link the module in FILE as import module NAME during init; repeatable.");

  static final Opt<Long> SEED =
      Opt.<Long>of(long.class, "--seed")
          .label("N")
          .initially(DEFAULTS.seed())
          .description(
              "Seed of init's deterministic random_get stream (default: ${DEFAULT-VALUE}).");

  static final Opt<Long> CLOCK_EPOCH =
      Opt.<Long>of(Long.class, "--clock-epoch")
          .label("SECONDS")
          .description(
              "Start init's wall clock at SECONDS since 1970 (default: $SOURCE_DATE_EPOCH when set, else"
                  + " 946684800, 2000-01-01T00:00:00Z).");

  static final Opt<Boolean> NONDETERMINISTIC =
      Opt.<Boolean>of(boolean.class, "--nondeterministic")
          .optionalBool()
          .initially(DEFAULTS.nondeterministic())
          .description(
              "Give init the real clocks and a secure random source instead of the fixed clocks (see --clock-epoch;"
                  + " advanced only by reads and sleeps) and the seeded stream; the output then differs between runs (default:"
                  + " ${DEFAULT-VALUE}).");

  static final Opt<Boolean> ALLOW_EXIT_ZERO =
      Opt.<Boolean>of(boolean.class, "--allow-exit-zero")
          .optionalBool()
          .initially(DEFAULTS.allowExitZero())
          .description(
              "Accept proc_exit(0) during init and snapshot the state at the exit (default: ${DEFAULT-VALUE}).");

  static final OptionGroup GROUP =
      new OptionGroup(
          "%nHost access during init (WASI/WASIX):%n",
          2,
          ALLOW_WASI,
          INHERIT_STDIO,
          INHERIT_ENV,
          ENVS,
          DIRS,
          MAP_DIRS,
          PRELOADS,
          SEED,
          CLOCK_EPOCH,
          NONDETERMINISTIC,
          ALLOW_EXIT_ZERO);

  private HostOptions() {}

  /**
   * What the host gives init, with argv[0] and the streams the command decided on (see {@code
   * WisexCommand.guestIo}).
   *
   * @throws IllegalArgumentException for a malformed {@code --env} or {@code --preload} path
   */
  static HostAccess toAccess(OptionValues parsed, String programName, StdioStreams stdio) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : parsed.get(ENVS)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("`--env " + pair + "` is not of the form NAME=VALUE");
      }
      env.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    Long epoch = parsed.get(CLOCK_EPOCH);
    if (epoch != null && !HostAccess.clockEpochInRange(epoch)) {
      throw new IllegalArgumentException(
          "--clock-epoch must be 0 to "
              + HostAccess.LATEST_CLOCK_EPOCH
              + " (2262-04-11), not "
              + epoch);
    }
    List<Path> plainDirs = new ArrayList<>();
    // Read-only --dirs are mappings of DIR to itself, placed before the --mapdirs.
    List<MapDir> mappings = new ArrayList<>();
    for (Path dir : parsed.get(DIRS)) {
      String name = dir.toString();
      boolean readOnly = name.endsWith(MapDir.READ_ONLY_SUFFIX);
      if (name.isEmpty() || (readOnly && name.length() == MapDir.READ_ONLY_SUFFIX.length())) {
        throw new IllegalArgumentException("--dir needs a directory, not `" + name + "`");
      }
      if (readOnly) {
        String stripped = name.substring(0, name.length() - MapDir.READ_ONLY_SUFFIX.length());
        mappings.add(new MapDir(stripped, Path.of(stripped), true));
      } else {
        plainDirs.add(dir);
      }
    }
    mappings.addAll(parsed.get(MAP_DIRS));
    Map<String, Path> modules = new LinkedHashMap<>();
    // An invalid path throws IllegalArgumentException, which the command reports as a usage error.
    parsed.get(PRELOADS).forEach(p -> modules.put(p.key(), Path.of(p.value())));
    return new HostAccess(
        parsed.get(ALLOW_WASI),
        parsed.get(INHERIT_STDIO),
        parsed.get(INHERIT_ENV),
        env,
        plainDirs,
        mappings,
        modules,
        parsed.get(SEED),
        parsed.get(CLOCK_EPOCH),
        parsed.get(NONDETERMINISTIC),
        parsed.get(ALLOW_EXIT_ZERO),
        programName,
        stdio);
  }
}
