package dev.wisex.parser;

import java.util.List;

/** A function signature from the type section. */
public record FunctionType(List<ValueType> params, List<ValueType> results) {
  public FunctionType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }
}
