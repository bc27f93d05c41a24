package dev.wisex.runtime.spi;

/**
 * When a backend prepares a module's functions, which decides what its start-up costs: the default
 * selection compares it with the module's code size to pick the faster engine (README, "Choosing a
 * runtime backend").
 */
public enum CodeLoading {
  /**
   * Every function is translated before the start function runs (Chicory compiles to JVM bytecode):
   * start-up grows with the code size, the code then runs fast.
   */
  AHEAD_OF_TIME,
  /**
   * A function is prepared when it is first called (an interpreter such as GraalWasm on a stock
   * JDK): start-up is cheap whatever the code size, the code then runs slower.
   */
  ON_DEMAND,
  /**
   * A function is compiled to machine code when it is first called, and again, optimized, once it
   * runs hot (V8, in Node.js): start-up is cheap and the code runs fast, so the default selection
   * prefers such a backend wherever it can run the module.
   */
  MACHINE_CODE
}
