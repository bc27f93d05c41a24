package dev.wisex.cli;

import dev.wisex.api.InitRules;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which export initializes the module and what happens to the exports afterwards (Wizer's names).
 */
final class InitOptions {
  static final Opt<String> INIT_FUNC =
      Opt.<String>of(String.class, "-f", "--init-func")
          .label("NAME")
          .defaultValue(InitRules.DEFAULT_INIT_FUNC)
          .description("Init export to call once (default: ${DEFAULT-VALUE}).");

  static final Opt<Boolean> KEEP_INIT_FUNC =
      Opt.<Boolean>of(boolean.class, "--keep-init-func")
          .optionalBool()
          .initially(InitRules.defaults().keepInitFunc())
          .description(
              "Keep the init export in the output instead of removing it (default: ${DEFAULT-VALUE}).");

  static final Opt<List<KeyValue>> RENAME_FUNCS =
      Opt.listOf(KeyValue.class, "-r", "--rename-func")
          .label("DST=SRC")
          .converter(KeyValue::parse)
          .description(
              "Rename export SRC (of any kind) to DST in the output, replacing any export DST;"
                  + " repeatable, each DST and each SRC once.");

  static final OptionGroup GROUP =
      new OptionGroup("%nInitialization:%n", 1, INIT_FUNC, KEEP_INIT_FUNC, RENAME_FUNCS);

  private InitOptions() {}

  /**
   * A DST or a SRC named by two {@code -r}s is refused, as Wizer refuses it ("Duplicated function
   * rename"): one export cannot take two names, nor one name two exports.
   *
   * @throws IllegalArgumentException for a duplicate
   */
  static InitRules toRules(OptionValues parsed) {
    Map<String, String> renames = new LinkedHashMap<>();
    Set<String> sources = new HashSet<>();
    for (KeyValue r : parsed.get(RENAME_FUNCS)) {
      if (renames.containsKey(r.key())) {
        throw new IllegalArgumentException(
            "-r names the destination `" + r.key() + "` twice; give each export one new name");
      }
      if (!sources.add(r.value())) {
        throw new IllegalArgumentException(
            "-r renames the export `" + r.value() + "` twice; an export can take one new name");
      }
      renames.put(r.key(), r.value());
    }
    return new InitRules(parsed.get(INIT_FUNC), parsed.get(KEEP_INIT_FUNC), renames);
  }
}
