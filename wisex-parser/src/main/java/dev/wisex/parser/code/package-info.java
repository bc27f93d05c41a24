/**
 * Instruction-level scanning of function bodies. The rest of the parser keeps code as opaque bytes;
 * this package decodes it once so the pipeline can decide which passive data segments
 * initialization may drop, whether a backend must support SIMD or threads, and whether tables can
 * change at run time.
 */
package dev.wisex.parser.code;
