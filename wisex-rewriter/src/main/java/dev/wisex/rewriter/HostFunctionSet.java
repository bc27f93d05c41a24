package dev.wisex.rewriter;

import dev.wisex.runtime.spi.HostFunction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a library user's host functions up front: two functions for one import would make which
 * one init calls depend on list order.
 */
final class HostFunctionSet {
  private HostFunctionSet() {}

  static List<HostFunction> checkUnique(List<HostFunction> functions) {
    List<HostFunction> copy = List.copyOf(functions);
    Set<String> seen = new HashSet<>();
    for (HostFunction function : copy) {
      if (!seen.add(function.qualifiedName())) {
        throw new IllegalArgumentException(
            "two host functions for `"
                + function.qualifiedName()
                + "`; pass one function per import");
      }
    }
    return copy;
  }
}
