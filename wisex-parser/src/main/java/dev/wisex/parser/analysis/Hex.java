package dev.wisex.parser.analysis;

import java.util.Locale;

/**
 * Hex spelling for error messages, so every message writes opcodes the way a hex dump shows them.
 */
final class Hex {
  private Hex() {}

  /** At least two upper-case digits, unsigned: {@code 0x0b} becomes {@code "0B"}. */
  static String byteHex(int value) {
    String digits = Integer.toHexString(value).toUpperCase(Locale.ROOT);
    return digits.length() < 2 ? "0" + digits : digits;
  }
}
