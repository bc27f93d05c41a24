package dev.wisex.runtime.graal;

/**
 * One runtime for all tests: its polyglot engine starts once (about half a second) and caches
 * parsed modules.
 */
final class Fixtures {
  static final GraalRuntime RUNTIME = new GraalRuntime();

  private Fixtures() {}
}
