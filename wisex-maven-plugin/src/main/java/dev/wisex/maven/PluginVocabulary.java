package dev.wisex.maven;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the library's messages, which name CLI flags ({@code --init-func}), into this plugin's
 * parameters ({@code <initFunc>}), so a failure tells the user what to change in the POM they
 * wrote. Flags the plugin has no parameter for (another tool's, such as wasm-ld's {@code
 * --shared-memory}) are left as they are.
 */
final class PluginVocabulary {
  private static final Map<String, String> PARAMETERS =
      Map.ofEntries(
          Map.entry("--init-func", "initFunc"),
          Map.entry("--keep-init-func", "keepInitFunc"),
          Map.entry("--rename-func", "renameFuncs"),
          Map.entry("--allow-wasi", "allowWasi"),
          Map.entry("--allow-wasix", "allowWasi"),
          Map.entry("--inherit-env", "inheritEnv"),
          Map.entry("--env", "env"),
          Map.entry("--dir", "dirs"),
          Map.entry("--mapdir", "mapDirs"),
          Map.entry("--preload", "preloads"),
          Map.entry("--seed", "seed"),
          Map.entry("--nondeterministic", "nondeterministic"),
          Map.entry("--allow-exit-zero", "allowExitZero"),
          Map.entry("--fuel", "fuel"),
          Map.entry("--timeout", "timeout"),
          Map.entry("--max-memory", "maxMemory"),
          Map.entry("--runtime", "runtime"),
          Map.entry("--execution-mode", "executionMode"),
          Map.entry("--verify", "verify"),
          Map.entry("--cross-check", "crossCheck"),
          Map.entry("--cache-dir", "cacheDir"),
          Map.entry("--no-cache", "noCache"),
          Map.entry("--clock-epoch", "clockEpoch"),
          Map.entry("--wasm-multi-memory", "wasmMultiMemory"),
          Map.entry("--wasm-multi-value", "wasmMultiValue"),
          Map.entry("--wasm-bulk-memory", "wasmBulkMemory"),
          Map.entry("--wasm-simd", "wasmSimd"),
          Map.entry("--wasm-reference-types", "wasmReferenceTypes"),
          Map.entry("--wasm-threads", "wasmThreads"),
          Map.entry("--wasm-memory64", "wasmMemory64"),
          Map.entry("--wasm-relaxed-simd", "wasmRelaxedSimd"),
          Map.entry("--relaxed-simd-deterministic", "relaxedSimdDeterministic"));

  /** A flag: two dashes, then lower-case words joined by dashes, not followed by another word. */
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

  private PluginVocabulary() {}

  /** The plugin parameter for a CLI flag, as written in a POM ({@code <initFunc>}), or null. */
  static String parameter(String flag) {
    String name = PARAMETERS.get(flag);
    return name == null ? null : "<" + name + ">";
  }

  /**
   * The CLI's way to give its JVM options (the library's heap advice names it); the plugin runs in
   * Maven's JVM, which takes them from {@code MAVEN_OPTS} or {@code .mvn/jvm.config}.
   */
  private static final String CLI_JVM_OPTIONS = "./wisex: WISEX_JAVA_OPTS=";

  private static final String MAVEN_JVM_OPTIONS = "Maven: MAVEN_OPTS or .mvn/jvm.config, ";

  /**
   * {@code message} with every known CLI flag replaced by its plugin parameter, and the CLI's JVM
   * options by Maven's.
   */
  static String translate(String message) {
    if (message == null) {
      return null;
    }
    message = message.replace(CLI_JVM_OPTIONS, MAVEN_JVM_OPTIONS);
    Matcher m = FLAG.matcher(message);
    StringBuilder out = new StringBuilder(message.length());
    while (m.find()) {
      String parameter = parameter(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(parameter != null ? parameter : m.group()));
    }
    return m.appendTail(out).toString();
  }
}
