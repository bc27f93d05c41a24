package dev.wisex.rewriter.validate;

import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.WasmModule;
import java.util.List;
import java.util.Locale;

/**
 * The exports a user probably meant when the init function they named does not exist: functions
 * that take and return nothing and whose name says "init" ({@code wizer.initialize}, Wizer's own
 * default, or {@code wizer-initialize}, {@code initialize-runtime}). {@code _initialize} is left
 * out: wisex calls it anyway, before the init function.
 */
final class InitFuncSuggestions {
  private static final int MAX = 3;
  private static final String WASI_REACTOR_INIT = "_initialize";

  private InitFuncSuggestions() {}

  /** {@code " (did you mean `a` or `b`?)"}, or an empty string when nothing looks like one. */
  static String sentence(WasmModule module) {
    List<String> names = candidates(module);
    if (names.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(" (did you mean ");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(i == names.size() - 1 ? " or " : ", ");
      }
      text.append('`').append(names.get(i)).append('`');
    }
    return text.append("?)").toString();
  }

  static List<String> candidates(WasmModule module) {
    return module.exports().stream()
        .filter(e -> e.kind() == ExternalKind.FUNCTION)
        .filter(e -> !e.name().equals(WASI_REACTOR_INIT))
        .filter(e -> e.name().toLowerCase(Locale.ROOT).contains("init"))
        .filter(e -> takesAndReturnsNothing(module, e))
        .map(Export::name)
        .limit(MAX)
        .toList();
  }

  private static boolean takesAndReturnsNothing(WasmModule module, Export export) {
    FunctionType type = module.functionType(export.index());
    return type.params().isEmpty() && type.results().isEmpty();
  }
}
