package dev.wisex.runtime.spi;

import dev.wisex.api.InitFailedException;

/**
 * The refusals of a {@link WasmInstance} call that names an export wrongly, worded alike by every
 * backend (the conformance kit holds them to it), as {@link ImportMatcher} words those of imports.
 */
public final class ExportFailures {
  private ExportFailures() {}

  /**
   * The module has no export of this name and kind.
   *
   * @param kind the kind as the binary format's text spells it: "function", "global", "memory"
   */
  public static InitFailedException missing(String kind, String name) {
    return new InitFailedException("module has no exported " + kind + " `" + name + "`");
  }

  /**
   * A call of an exported function with another number of arguments than its type has.
   *
   * @param type the function's type as WAT spells it, e.g. {@code (i32, i32) -> (i32)}
   */
  public static InitFailedException wrongArity(String export, String type, int arguments) {
    return new InitFailedException(
        "exported function `"
            + export
            + "` has type "
            + type
            + " but was called with "
            + arguments
            + " arguments");
  }
}
