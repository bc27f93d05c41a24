package dev.wisex.cli;

import dev.wisex.api.InitRules;
import dev.wisex.api.WisexOptions;
import java.util.List;

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
   * rename"), by the library's builder, which the Maven plugin shares.
   *
   * @throws IllegalArgumentException for a duplicate
   */
  static InitRules toRules(OptionValues parsed) {
    WisexOptions.Builder renames = WisexOptions.builder();
    parsed.get(RENAME_FUNCS).forEach(r -> renames.renameFunc(r.key(), r.value()));
    return new InitRules(
        parsed.get(INIT_FUNC), parsed.get(KEEP_INIT_FUNC), renames.build().init().renameFuncs());
  }
}
