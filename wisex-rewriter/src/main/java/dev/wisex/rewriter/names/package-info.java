/**
 * Names that several pipeline stages agree on: the exports instrumentation adds and the ones WASI
 * defines. A neutral place, so that no stage depends on a later one just for a name; it depends on
 * no stage.
 */
package dev.wisex.rewriter.names;
