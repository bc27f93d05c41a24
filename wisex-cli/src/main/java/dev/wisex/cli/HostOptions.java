package dev.wisex.cli;

import dev.wisex.api.MapDir;
import dev.wisex.api.WisexOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What the host gives init: WASI/WASIX, standard streams, environment, directories and preloaded
 * modules.
 */
final class HostOptions {
  @Option(
      names = {"--allow-wasi", "--allow-wasix"},
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Link WASI preview1 and WASIX host functions during init (default: ${DEFAULT-VALUE}).")
  boolean allowWasi = WisexOptions.defaults().allowWasi();

  @Option(
      names = "--inherit-stdio",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Let init use the real stdin, stdout and stderr (default: ${DEFAULT-VALUE}). When the output module"
              + " goes to stdout, init's stdout goes to stderr; when the input comes from stdin, init's stdin is"
              + " empty. Otherwise stdin is empty and output is logged at info (-v).")
  boolean inheritStdio = WisexOptions.defaults().inheritStdio();

  @Option(
      names = "--inherit-env",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Let init see the host's environment variables, sorted by name (default: ${DEFAULT-VALUE}).")
  boolean inheritEnv = WisexOptions.defaults().inheritEnv();

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
  long seed = WisexOptions.defaults().seed();

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
  boolean nondeterministic = WisexOptions.defaults().nondeterministic();

  @Option(
      names = "--allow-exit-zero",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Accept proc_exit(0) during init and snapshot the state at the exit (default: ${DEFAULT-VALUE}).")
  boolean allowExitZero = WisexOptions.defaults().allowExitZero();

  void applyTo(WisexOptions.Builder builder) {
    builder
        .allowWasi(allowWasi)
        .inheritStdio(inheritStdio)
        .inheritEnv(inheritEnv)
        .seed(seed)
        .nondeterministic(nondeterministic)
        .allowExitZero(allowExitZero);
    if (clockEpoch != null) {
      builder.clockEpoch(clockEpoch);
    }
    for (String env : envs) {
      int eq = env.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("`--env " + env + "` is not of the form NAME=VALUE");
      }
      builder.env(env.substring(0, eq), env.substring(eq + 1));
    }
    for (Path dir : dirs) {
      String name = dir.toString();
      if (name.endsWith(MapDir.READ_ONLY_SUFFIX)) {
        String stripped = name.substring(0, name.length() - MapDir.READ_ONLY_SUFFIX.length());
        builder.mapDir(new MapDir(stripped, Path.of(stripped), true));
      } else {
        builder.dir(dir);
      }
    }
    mapDirs.forEach(builder::mapDir);
    // An invalid path throws IllegalArgumentException, which the command reports as a usage error.
    preloads.forEach(p -> builder.preload(p.key(), Path.of(p.value())));
  }
}
