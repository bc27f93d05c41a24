package dev.wisex.testkit.conformance;

import dev.wisex.testkit.Wat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kit's test modules, written in WAT next to this class and assembled once per run (assembling
 * is the slowest step of most tests). Backends use them for their own tests too.
 */
public final class ConformanceModules {
  private static final Map<String, byte[]> ASSEMBLED = new ConcurrentHashMap<>();

  private ConformanceModules() {}

  /** The binary of {@code <name>.wat}; a fresh copy, so callers may not corrupt it. */
  public static byte[] wasm(String name) {
    return ASSEMBLED
        .computeIfAbsent(name, n -> Wat.resource(ConformanceModules.class, n + ".wat"))
        .clone();
  }
}
