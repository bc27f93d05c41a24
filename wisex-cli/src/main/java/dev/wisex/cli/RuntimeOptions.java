package dev.wisex.cli;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.RuntimeChoice;
import dev.wisex.api.WisexOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which backend runs init and how; backends are discovered at run time, so names are not checked
 * here.
 */
final class RuntimeOptions {
  @Option(
      names = "--runtime",
      paramLabel = "NAME",
      description =
          "Backend that runs init, e.g. chicory (default: chosen per module by its code size; -v says why).")
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

  /**
   * @throws IllegalArgumentException for {@code --cache-dir} with {@code --no-cache}
   */
  RuntimeChoice toChoice() {
    if (noCache && cacheDir != null) {
      throw new IllegalArgumentException(
          "--cache-dir and --no-cache contradict each other; give one of them");
    }
    return new RuntimeChoice(
        runtime,
        executionMode,
        verify,
        crossCheck,
        noCache ? null : cacheDir != null ? cacheDir : WisexOptions.defaultCacheDir());
  }
}
