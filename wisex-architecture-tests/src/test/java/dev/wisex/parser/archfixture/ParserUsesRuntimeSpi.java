package dev.wisex.parser.archfixture;

import dev.wisex.runtime.spi.ValType;

/** Breaks [module-layering]: the parser may depend on the api only. */
public final class ParserUsesRuntimeSpi {
  private ParserUsesRuntimeSpi() {}

  public static ValType type() {
    return ValType.I32;
  }
}
