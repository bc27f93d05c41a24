package dev.wisex.parser.analysis;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.ByteReader;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.WasmModule;

/**
 * Skips (and counts) a body's local declarations. Only their types matter to the scan ({@code v128}
 * locals mean the backend needs SIMD), but the total count is still bounded because the binary
 * format requires it.
 */
public final class LocalDeclarations {
  private static final long MAX_LOCALS = 0xFFFF_FFFFL;

  private LocalDeclarations() {}

  /** Skips the declarations and returns how many locals they declare. */
  static long skip(ByteReader in, TypeDecoder types) {
    int groups = in.u32Length("local declaration count");
    long total = 0;
    for (int i = 0; i < groups; i++) {
      int at = in.position();
      total += Integer.toUnsignedLong(in.u32("local count"));
      if (total > MAX_LOCALS) {
        throw new MalformedModuleException("too many locals (" + total + ") at offset " + at);
      }
      types.valueType(in, "local type");
    }
    return total;
  }

  /**
   * How many locals (parameters not counted) the body of the function declares, for a pass that
   * weighs frames.
   */
  public static long count(WasmModule module, FunctionBody body) {
    byte[] bytes = module.bytes();
    return skip(
        new ByteReader(bytes, body.start(), body.end()),
        new TypeDecoder(bytes, new FeatureAccumulator()));
  }
}
