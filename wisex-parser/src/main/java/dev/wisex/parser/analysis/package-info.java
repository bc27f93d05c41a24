/**
 * wisex's analyses of a module's code: the rest of the parser keeps code as opaque bytes; this
 * package decodes it once ({@link dev.wisex.parser.analysis.CodeScanner}) so the pipeline can
 * decide which passive data segments initialization may drop, whether a backend must support SIMD
 * or threads, and whether tables can change at run time, and finds the places its passes change
 * ({@link dev.wisex.parser.analysis.MeteringSites}, {@link
 * dev.wisex.parser.analysis.SelfTailCalls}, {@link dev.wisex.parser.analysis.InstructionSites}) and
 * a shared-memory module's {@link dev.wisex.parser.analysis.InitOnceFlag}, which validation finds
 * and the rewrite uses.
 */
package dev.wisex.parser.analysis;
