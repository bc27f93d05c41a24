package dev.wisex.runtime.spi;

import java.util.List;

/** A function signature, used to declare host functions without naming any engine type. */
public record FuncType(List<ValType> params, List<ValType> results) {
  public FuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  public static FuncType of(List<ValType> params, List<ValType> results) {
    return new FuncType(params, results);
  }
}
