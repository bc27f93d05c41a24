package dev.wisex.cli;

import dev.wisex.api.HostAccess;
import dev.wisex.api.MapDir;
import dev.wisex.api.StdioStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What the host gives init: WASI/WASIX, standard streams, environment, directories and preloaded
 * modules.
 */
final class HostOptions {
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
      description = "Set environment variable NAME for init, after any inherited ones; repeatable.")
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
      converter = MapDirConverter.class,
      description =
          "Make host directory HOST visible to init as GUEST, as a writable copy (the host is never"
              + " written; GUEST::HOST:ro: read-only); repeatable.")
  List<MapDir> mapDirs = new ArrayList<>();

  @Option(
      names = "--preload",
      paramLabel = "NAME=FILE",
      converter = KeyValue.Converter.class,
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

  /**
   * What the host gives init, with argv[0] and the streams the command decided on (see {@code
   * WisexCommand.guestIo}).
   *
   * @throws IllegalArgumentException for a malformed {@code --env} or {@code --preload} path
   */
  HostAccess toAccess(String programName, StdioStreams stdio) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : envs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("`--env " + pair + "` is not of the form NAME=VALUE");
      }
      env.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    List<Path> plainDirs = new ArrayList<>();
    // Read-only --dirs are mappings of DIR to itself, placed before the --mapdirs.
    List<MapDir> mappings = new ArrayList<>();
    for (Path dir : dirs) {
      String name = dir.toString();
      if (name.endsWith(MapDir.READ_ONLY_SUFFIX)) {
        String stripped = name.substring(0, name.length() - MapDir.READ_ONLY_SUFFIX.length());
        mappings.add(new MapDir(stripped, Path.of(stripped), true));
      } else {
        plainDirs.add(dir);
      }
    }
    mappings.addAll(mapDirs);
    Map<String, Path> modules = new LinkedHashMap<>();
    // An invalid path throws IllegalArgumentException, which the command reports as a usage error.
    preloads.forEach(p -> modules.put(p.key(), Path.of(p.value())));
    return new HostAccess(
        allowWasi,
        inheritStdio,
        inheritEnv,
        env,
        plainDirs,
        mappings,
        modules,
        seed,
        clockEpoch,
        nondeterministic,
        allowExitZero,
        programName,
        stdio);
  }
}
