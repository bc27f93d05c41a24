package dev.wisex.parser.analysis;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.ByteReader;

/**
 * Skips a body's local declarations. Only their types matter to the scan ({@code v128} locals mean
 * the backend needs SIMD), but the total count is still bounded because the binary format requires
 * it.
 */
final class LocalDeclarations {
  private static final long MAX_LOCALS = 0xFFFF_FFFFL;

  private LocalDeclarations() {}

  static void skip(ByteReader in, TypeDecoder types) {
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
  }
}
