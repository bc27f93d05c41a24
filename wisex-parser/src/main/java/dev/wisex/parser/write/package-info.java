/**
 * Writing modules: the rewrite and the init-time passes change a few sections and copy the rest, so
 * {@link dev.wisex.parser.write.ModuleAssembler} lays out an input module with changed sections and
 * {@link dev.wisex.parser.write.ModuleWriter} streams the result without building it twice; the
 * encoders build the changed sections' contents. Reading lives in {@code dev.wisex.parser}.
 */
package dev.wisex.parser.write;
