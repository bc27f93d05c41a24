package dev.wisex.rewriter.instrument;

/**
 * How to ask the instrumented module whether init dropped one passive data segment: call {@code
 * export} with {@code selector}; the call traps exactly when the segment is empty, and an empty
 * segment is indistinguishable from a dropped one.
 *
 * @param export the probe function's export name, shared by up to {@link
 *     Instrumenter#SEGMENTS_PER_PROBE} segments
 * @param selector the argument that selects this segment in it
 */
public record DataProbe(String export, int selector) {}
