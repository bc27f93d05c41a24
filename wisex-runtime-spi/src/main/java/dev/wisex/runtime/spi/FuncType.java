package dev.wisex.runtime.spi;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A function signature, used to declare host functions without naming any engine type. */
public record FuncType(List<ValType> params, List<ValType> results) {
  public FuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  public static FuncType of(List<ValType> params, List<ValType> results) {
    return new FuncType(params, results);
  }

  /** The signature as WAT spells its types, e.g. {@code (i32, i64) -> (f32)}, for messages. */
  public String describe() {
    return describe(params) + " -> " + describe(results);
  }

  private static String describe(List<ValType> types) {
    return types.stream()
        .map(t -> t.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
