package dev.wisex.cli;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.RuntimeChoice;
import dev.wisex.api.WisexOptions;
import java.nio.file.Path;

/**
 * Which backend runs init and how; backends are discovered at run time, so names are not checked
 * here.
 */
final class RuntimeOptions {
  static final Opt<String> RUNTIME =
      Opt.<String>of(String.class, "--runtime")
          .label("NAME")
          .description(
              "Backend that runs init, e.g. chicory (default: node where Node.js 20+ is installed and runs the module, else chosen per module by its code size; -v says why).");

  static final Opt<Boolean> LIST_RUNTIMES =
      Opt.<Boolean>of(boolean.class, "--list-runtimes")
          .initially(false)
          .description("List the discovered backends and exit.");

  static final Opt<ExecutionMode> EXECUTION_MODE =
      Opt.<ExecutionMode>of(ExecutionMode.class, "--execution-mode")
          .label("MODE")
          .initially(RuntimeChoice.defaults().executionMode())
          .description("How the backend runs init: auto, compiler or interpreter (default: auto).");

  static final Opt<Boolean> VERIFY =
      Opt.<Boolean>of(boolean.class, "--verify")
          .initially(false)
          .description(
              "Before writing, instantiate the output without running init and check that every global"
                  + " and memory byte equals the snapshot; exit 1 with the first difference if not.");

  static final Opt<Boolean> CROSS_CHECK =
      Opt.<Boolean>of(boolean.class, "--cross-check")
          .initially(false)
          .description(
              "Run init on every available backend that runs the module (one full run each) and exit 1,"
                  + " naming the first differing global or memory range, unless all outputs agree.");

  static final Opt<Path> CACHE_DIR =
      Opt.<Path>of(Path.class, "--cache-dir")
          .label("DIR")
          .description(
              "Keep compiled guest code in DIR between runs (default: $XDG_CACHE_HOME/wisex, else"
                  + " ~/.cache/wisex; at most 1 GiB per backend, least recently used entries go first).");

  static final Opt<Boolean> NO_CACHE =
      Opt.<Boolean>of(boolean.class, "--no-cache")
          .initially(false)
          .description("Compile guest code afresh and keep nothing.");

  static final OptionGroup GROUP =
      new OptionGroup(
          "%nRuntime backend:%n",
          4, RUNTIME, LIST_RUNTIMES, EXECUTION_MODE, VERIFY, CROSS_CHECK, CACHE_DIR, NO_CACHE);

  private RuntimeOptions() {}

  /**
   * @throws IllegalArgumentException for an empty {@code --cache-dir}, or one with {@code
   *     --no-cache}
   */
  static RuntimeChoice toChoice(OptionValues parsed) {
    Path cacheDir = parsed.get(CACHE_DIR);
    boolean noCache = parsed.get(NO_CACHE);
    if (cacheDir != null && cacheDir.toString().isEmpty()) {
      throw new IllegalArgumentException("--cache-dir needs a directory, not an empty name");
    }
    if (noCache && cacheDir != null) {
      throw new IllegalArgumentException(
          "--cache-dir and --no-cache contradict each other; give one of them");
    }
    return new RuntimeChoice(
        parsed.get(RUNTIME),
        parsed.get(EXECUTION_MODE),
        parsed.get(VERIFY),
        parsed.get(CROSS_CHECK),
        noCache ? null : cacheDir != null ? cacheDir : WisexOptions.defaultCacheDir());
  }
}
