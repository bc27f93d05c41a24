package dev.wisex.runtime.spi;

import java.util.Objects;

/** A host-created memory for one memory import of the module. */
public record MemoryImport(String module, String name, HostMemory memory) {
  public MemoryImport {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(memory, "memory");
  }

  /** {@code module.name}, as messages spell an import. */
  public String qualifiedName() {
    return module + "." + name;
  }
}
