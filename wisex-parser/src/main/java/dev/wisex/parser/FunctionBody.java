package dev.wisex.parser;

/**
 * Where one function body lies in the module's bytes (after its size prefix).
 *
 * @param start offset of the body's first byte (its local declarations)
 * @param end offset just past its final {@code end}
 */
public record FunctionBody(int start, int end) {}
