package dev.wisex.runtime.spi;

import java.util.Objects;

/** A function the host provides for one import, declared without any engine type. */
public record HostFunction(String module, String name, FuncType type, HostHandler handler) {
  public HostFunction {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handler, "handler");
  }

  /** {@code module.name}, as messages spell an import. */
  public String qualifiedName() {
    return module + "." + name;
  }
}
