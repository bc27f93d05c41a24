package dev.wisex.wasix.abi;

import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.ValType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses and prints signatures in the ABI list's notation, {@code (i32, i64) -> (i32)}, so a table
 * reads like the ABI file it was checked against and a mismatch message shows both sides the same
 * way. Tables write {@code ptr} for a pointer and {@code size} for a {@code size_t}: both become
 * the {@link PointerWidth}'s type, so one row serves the 32- and the 64-bit namespace.
 */
public final class Signature {
  private Signature() {}

  /** Parses with 32-bit pointers. */
  public static FuncType parse(String text) {
    return parse(text, PointerWidth.P32);
  }

  public static FuncType parse(String text, PointerWidth width) {
    int arrow = text.indexOf("->");
    return new FuncType(
        types(text.substring(0, arrow), width), types(text.substring(arrow + 2), width));
  }

  public static String format(FuncType type) {
    return "(" + names(type.params()) + ") -> (" + names(type.results()) + ")";
  }

  private static List<ValType> types(String list, PointerWidth width) {
    String inner = list.strip();
    inner = inner.substring(1, inner.length() - 1).strip();
    if (inner.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(inner.split(","))
        .map(String::strip)
        .map(
            s ->
                s.equals("ptr") || s.equals("size")
                    ? width.type()
                    : ValType.valueOf(s.toUpperCase(Locale.ROOT)))
        .toList();
  }

  private static String names(List<ValType> types) {
    return types.stream()
        .map(t -> t.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
