package dev.wisex.rewriter.init;

import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts the calls init makes to each imported function, for the snapshot report: which host
 * functions a module needs during init is what a user must provide or allow ({@code --allow-wasi}),
 * and the counts show where init spends its host time.
 */
public final class ImportCalls {
  private final List<String> names = new ArrayList<>();
  private final AtomicLongArray counts;
  private final HostImports imports;

  private ImportCalls(HostImports linked) {
    counts = new AtomicLongArray(linked.functions().size());
    List<HostFunction> counted = new ArrayList<>();
    for (HostFunction f : linked.functions()) {
      int slot = names.size();
      names.add(f.qualifiedName());
      counted.add(
          new HostFunction(
              f.module(),
              f.name(),
              f.type(),
              (memory, args) -> {
                counts.incrementAndGet(slot);
                return f.handler().apply(memory, args);
              }));
    }
    imports = new HostImports(counted, linked.memories());
  }

  /** Wraps every function of {@code linked} with a counter. */
  public static ImportCalls counting(HostImports linked) {
    return new ImportCalls(linked);
  }

  /** The imports to link: {@code linked}'s, counting. */
  public HostImports imports() {
    return imports;
  }

  /** The imports called at least once, by {@code module.name}, in name order. */
  public Map<String, Long> called() {
    Map<String, Long> called = new TreeMap<>();
    for (int i = 0; i < names.size(); i++) {
      long n = counts.get(i);
      if (n > 0) {
        called.merge(names.get(i), n, Long::sum);
      }
    }
    return called;
  }
}
