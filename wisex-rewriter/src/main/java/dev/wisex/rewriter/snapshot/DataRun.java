package dev.wisex.rewriter.snapshot;

/**
 * Bytes of one memory at one address, to become one active data segment.
 *
 * @param offset address of the first byte
 * @param bytes the contents (non-zero runs plus the short zero gaps merged into them)
 */
public record DataRun(long offset, byte[] bytes) {}
