package dev.wisex.cli;

import dev.wisex.api.InitRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which export initializes the module and what happens to the exports afterwards (Wizer's names).
 */
final class InitOptions {
  @Option(
      names = {"-f", "--init-func"},
      paramLabel = "NAME",
      defaultValue = InitRules.DEFAULT_INIT_FUNC,
      description = "Init export to call once (default: ${DEFAULT-VALUE}).")
  String initFunc;

  @Option(
      names = "--keep-init-func",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Keep the init export in the output instead of removing it (default: ${DEFAULT-VALUE}).")
  boolean keepInitFunc = InitRules.defaults().keepInitFunc();

  @Option(
      names = {"-r", "--rename-func"},
      paramLabel = "DST=SRC",
      converter = KeyValue.Converter.class,
      description = "Rename export SRC to DST in the output, replacing any export DST; repeatable.")
  List<KeyValue> renameFuncs = new ArrayList<>();

  /** A later {@code -r} for the same DST wins. */
  InitRules toRules() {
    Map<String, String> renames = new LinkedHashMap<>();
    renameFuncs.forEach(r -> renames.put(r.key(), r.value()));
    return new InitRules(initFunc, keepInitFunc, renames);
  }
}
