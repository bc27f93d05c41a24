package dev.wisex.wasix.table;

import dev.wisex.runtime.spi.FuncType;
import dev.wisex.wasix.calls.Impl;

/**
 * One row of a namespace table: the name, the ABI signature at the namespace's pointer width, and
 * either an implementation or the reason the call cannot be pre-initialized (then calling it traps
 * with that reason).
 */
public record Entry(String name, FuncType signature, Impl impl, String reason) {
  static Row supported(String name, String signature, Impl impl) {
    return new Row(name, signature, impl, null);
  }

  static Row refused(String name, String signature, String reason) {
    return new Row(name, signature, null, reason);
  }

  public boolean isSupported() {
    return impl != null;
  }

  /**
   * A row as the tables write it: the signature in the ABI list's notation with {@code ptr} and
   * {@code size} left open until a {@link Table} fixes the pointer width.
   */
  record Row(String name, String signature, Impl impl, String reason) {}
}
