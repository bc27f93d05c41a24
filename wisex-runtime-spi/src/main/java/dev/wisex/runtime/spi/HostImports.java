package dev.wisex.runtime.spi;

import java.util.List;

/**
 * Everything the host links into an instance; every import of the module must be satisfied by one
 * entry.
 */
public record HostImports(List<HostFunction> functions) {
  public HostImports {
    functions = List.copyOf(functions);
  }

  public static HostImports none() {
    return new HostImports(List.of());
  }
}
