package dev.wisex.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which backend runs init and how (the CLI's "Runtime backend" options): the backend's name or the
 * choice per module, its execution mode and compile cache, and the checks run against other
 * instances ({@code --verify}, {@code --cross-check}).
 *
 * @param name backend name, or {@code null} for the default choice
 * @param executionMode how the backend runs init
 * @param verify after the rewrite, instantiate the output without running init and prove that every
 *     snapshotted global and every memory byte equals the snapshot ({@code --verify})
 * @param crossCheck run init on every available backend that supports the module and fail, naming
 *     the first differing global or memory range, unless all outputs agree ({@code --cross-check})
 * @param cacheDir where backends keep compiled guest code between runs ({@code --cache-dir}), or
 *     {@code null} for no cache ({@code --no-cache}); by default the per-user cache directory
 *     {@link WisexOptions#defaultCacheDir()}. Only speed depends on it, never the output
 */
public record RuntimeChoice(
    String name, ExecutionMode executionMode, boolean verify, boolean crossCheck, Path cacheDir) {
  public RuntimeChoice {
    Objects.requireNonNull(executionMode, "executionMode");
  }

  /** Chosen per module, {@link ExecutionMode#AUTO}, no checks, the per-user cache directory. */
  public static RuntimeChoice defaults() {
    return new RuntimeChoice(
        null, ExecutionMode.AUTO, false, false, WisexOptions.defaultCacheDir());
  }

  /** The same choice naming backend {@code value} ({@code null}: chosen per module). */
  public RuntimeChoice withName(String value) {
    return new RuntimeChoice(value, executionMode, verify, crossCheck, cacheDir);
  }
}
