package dev.wisex.api;

/**
 * How a backend runs init. {@code AUTO} lets the backend choose (Chicory: compile to JVM bytecode,
 * interpret functions too large for a JVM method); the others force one strategy, mostly for
 * comparison and debugging.
 */
public enum ExecutionMode {
  AUTO,
  COMPILER,
  INTERPRETER
}
