package dev.wisex.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the user typed the settings a message names, so a failure says what to change there: the
 * CLI's flags ({@code --fuel}), the library's builder methods ({@code fuel(...)}) or the Maven
 * plugin's parameters ({@code <fuel>}). wisex writes its messages with the CLI's flags; each front
 * end renders them in its own words ({@link WisexException#in}).
 */
public enum Vocabulary {
  /** As written: the command line's flags. */
  CLI(entry -> null),
  /** {@link WisexOptions.Builder}'s methods. */
  LIBRARY(Setting::builder),
  /** The Maven plugin's parameters, as written in a POM. */
  MAVEN(setting -> setting.parameter() == null ? null : "<" + setting.parameter() + ">");

  /** One setting in the three vocabularies; {@code parameter} is null where the plugin has none. */
  private record Setting(String flag, String builder, String parameter) {}

  private static final List<Setting> SETTINGS =
      List.of(
          new Setting("--init-func", "initFunc(...)", "initFunc"),
          new Setting("--keep-init-func", "keepInitFunc(true)", "keepInitFunc"),
          new Setting("--rename-func", "renameFunc(...)", "renameFuncs"),
          new Setting("--allow-wasi", "allowWasi(true)", "allowWasi"),
          new Setting("--allow-wasix", "allowWasi(true)", "allowWasi"),
          new Setting("--inherit-env", "inheritEnv(true)", "inheritEnv"),
          new Setting("--inherit-stdio", "inheritStdio(...)", null),
          new Setting("--env", "env(...)", "env"),
          new Setting("--dir", "dir(...)", "dirs"),
          new Setting("--mapdir", "mapDir(...)", "mapDirs"),
          new Setting("--preload", "preload(...)", "preloads"),
          new Setting("--seed", "seed(...)", "seed"),
          new Setting("--nondeterministic", "nondeterministic(true)", "nondeterministic"),
          new Setting("--allow-exit-zero", "allowExitZero(true)", "allowExitZero"),
          new Setting("--fuel", "fuel(...)", "fuel"),
          new Setting("--timeout", "timeout(...)", "timeout"),
          new Setting("--max-memory", "maxMemoryBytes(...)", "maxMemory"),
          new Setting("--runtime", "runtime(...)", "runtime"),
          new Setting("--execution-mode", "executionMode(...)", "executionMode"),
          new Setting("--verify", "verify(true)", "verify"),
          new Setting("--cross-check", "crossCheck(true)", "crossCheck"),
          new Setting("--cache-dir", "cacheDir(...)", "cacheDir"),
          new Setting("--no-cache", "noCache()", "noCache"),
          new Setting("--clock-epoch", "clockEpoch(...)", "clockEpoch"),
          new Setting("--wasm-multi-memory", "WasmFeatures.multiMemory", "wasmMultiMemory"),
          new Setting("--wasm-multi-value", "WasmFeatures.multiValue", "wasmMultiValue"),
          new Setting("--wasm-bulk-memory", "WasmFeatures.bulkMemory", "wasmBulkMemory"),
          new Setting("--wasm-simd", "WasmFeatures.simd", "wasmSimd"),
          new Setting(
              "--wasm-reference-types", "WasmFeatures.referenceTypes", "wasmReferenceTypes"),
          new Setting("--wasm-threads", "WasmFeatures.threads", "wasmThreads"),
          new Setting("--wasm-memory64", "WasmFeatures.memory64", "wasmMemory64"),
          new Setting("--wasm-relaxed-simd", "WasmFeatures.relaxedSimd", "wasmRelaxedSimd"),
          new Setting(
              "--relaxed-simd-deterministic",
              "WasmFeatures.relaxedSimdDeterministic",
              "relaxedSimdDeterministic"));

  private static final Map<String, Setting> BY_FLAG =
      SETTINGS.stream().collect(Collectors.toMap(Setting::flag, Function.identity()));

  /** A flag: two dashes, then lower-case words joined by dashes, not followed by another word. */
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

  /** A CLI message's hint for library users: {@code --allow-wasi (library: allowWasi(true))}. */
  private static final Pattern LIBRARY_HINT =
      Pattern.compile("(--[a-z0-9-]+(?:=\\S+)?) \\(library: ([^()]*(?:\\([^()]*\\))?)\\)");

  /** The CLI's way to give its JVM options, in heap advice. */
  private static final Pattern CLI_JVM_OPTIONS =
      Pattern.compile(" ?\\(\\./wisex: WISEX_JAVA_OPTS=[^)]*\\)");

  private final Function<Setting, String> word;

  Vocabulary(Function<Setting, String> word) {
    this.word = word;
  }

  /** {@code message}, written with CLI flags, in this vocabulary; flags it has no word for stay. */
  public String render(String message) {
    if (message == null || this == CLI) {
      return message;
    }
    Matcher hint = LIBRARY_HINT.matcher(message);
    message =
        hint.replaceAll(m -> Matcher.quoteReplacement(this == LIBRARY ? m.group(2) : m.group(1)));
    message =
        this == MAVEN
            ? CLI_JVM_OPTIONS
                .matcher(message)
                .replaceAll(
                    m ->
                        Matcher.quoteReplacement(
                            m.group()
                                .replace(
                                    "./wisex: WISEX_JAVA_OPTS=",
                                    "Maven: MAVEN_OPTS or .mvn/jvm.config, ")))
            : CLI_JVM_OPTIONS.matcher(message).replaceAll("");
    Matcher m = FLAG.matcher(message);
    StringBuilder out = new StringBuilder(message.length());
    while (m.find()) {
      Setting setting = BY_FLAG.get(m.group());
      String replacement = setting == null ? null : word.apply(setting);
      m.appendReplacement(
          out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
    }
    return m.appendTail(out).toString();
  }
}
