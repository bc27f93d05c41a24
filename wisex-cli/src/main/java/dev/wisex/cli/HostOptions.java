package dev.wisex.cli;

import dev.wisex.api.MapDir;
import dev.wisex.api.WisexOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What the host gives init: WASI/WASIX, standard streams, environment, directories and preloaded modules. */
final class HostOptions {
  @Option(
      names = {"--allow-wasi", "--allow-wasix"},
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Link WASI preview1 and WASIX host functions during init (default: ${DEFAULT-VALUE}).")
  boolean allowWasi = WisexOptions.defaults().allowWasi();

  @Option(
      names = "--inherit-stdio",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Let init use the real stdin, stdout and stderr (default: ${DEFAULT-VALUE}).")
  boolean inheritStdio = WisexOptions.defaults().inheritStdio();

  @Option(
      names = "--inherit-env",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description = "Let init see the host's environment variables (default: ${DEFAULT-VALUE}).")
  boolean inheritEnv = WisexOptions.defaults().inheritEnv();

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Make host directory DIR visible to init under the same path; repeatable.")
  List<Path> dirs = new ArrayList<>();

  @Option(
      names = "--mapdir",
      paramLabel = "GUEST::HOST",
      converter = MapDirConverter.class,
      description = "Make host directory HOST visible to init as GUEST; repeatable.")
  List<MapDir> mapDirs = new ArrayList<>();

  @Option(
      names = "--preload",
      paramLabel = "NAME=FILE",
      converter = KeyValue.Converter.class,
      description = "Link the module in FILE as import module NAME during init; repeatable.")
  List<KeyValue> preloads = new ArrayList<>();

  void applyTo(WisexOptions.Builder builder) {
    builder.allowWasi(allowWasi).inheritStdio(inheritStdio).inheritEnv(inheritEnv);
    dirs.forEach(builder::dir);
    mapDirs.forEach(builder::mapDir);
    // An invalid path throws IllegalArgumentException, which the command reports as a usage error.
    preloads.forEach(p -> builder.preload(p.key(), Path.of(p.value())));
  }
}
