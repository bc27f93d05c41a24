package dev.wisex.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which export initializes the module and what happens to the exports afterwards (the CLI's
 * "Initialization" options): what validation checks against the module's exports, what init calls,
 * what the rewrite leaves exported.
 *
 * @param initFunc export called once to initialize the instance (Wizer's default {@code
 *     wizer.initialize} is spelled {@code wizex.initialize} here)
 * @param keepInitFunc keep the init export in the output instead of removing it
 * @param renameFuncs export renames applied to the output, {@code dst -> src} (Wizer's {@code -r
 *     dst=src})
 */
public record InitRules(String initFunc, boolean keepInitFunc, Map<String, String> renameFuncs) {
  /** Wizer's default init export name, in wisex's spelling. */
  public static final String DEFAULT_INIT_FUNC = "wizex.initialize";

  /**
   * @throws IllegalArgumentException if the init function name is empty
   */
  public InitRules {
    Objects.requireNonNull(initFunc, "initFunc");
    if (initFunc.isEmpty()) {
      throw new IllegalArgumentException("the init function name must not be empty");
    }
    renameFuncs = Collections.unmodifiableMap(new LinkedHashMap<>(renameFuncs));
  }

  /** Call {@link #DEFAULT_INIT_FUNC}, remove it from the output, rename nothing. */
  public static InitRules defaults() {
    return new InitRules(DEFAULT_INIT_FUNC, false, Map.of());
  }
}
