package dev.wisex.wasix.table;

import dev.wisex.runtime.spi.FuncType;
import dev.wisex.wasix.abi.Signature;
import dev.wisex.wasix.calls.Impl;

/**
 * One row of a namespace table: the name, the ABI signature, and either an implementation or the
 * reason the call cannot be pre-initialized (then calling it traps with that reason).
 */
public record Entry(String name, FuncType signature, Impl impl, String reason) {
  static Entry supported(String name, String signature, Impl impl) {
    return new Entry(name, Signature.parse(signature), impl, null);
  }

  static Entry refused(String name, String signature, String reason) {
    return new Entry(name, Signature.parse(signature), null, reason);
  }

  public boolean isSupported() {
    return impl != null;
  }
}
