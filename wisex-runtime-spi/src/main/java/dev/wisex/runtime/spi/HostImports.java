package dev.wisex.runtime.spi;

import java.util.List;

/**
 * Everything the host links into an instance; every import of the module must be satisfied by one
 * entry: functions by {@link HostFunction}s, memories by {@link MemoryImport}s.
 */
public record HostImports(List<HostFunction> functions, List<MemoryImport> memories) {
  public HostImports {
    functions = List.copyOf(functions);
    memories = List.copyOf(memories);
  }

  /** Functions only, for modules that import no memory. */
  public HostImports(List<HostFunction> functions) {
    this(functions, List.of());
  }

  public static HostImports none() {
    return new HostImports(List.of(), List.of());
  }
}
