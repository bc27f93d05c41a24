package dev.wisex.api;

/**
 * What the snapshot found in one linear memory, for the user to judge output size.
 *
 * @param index memory index in the module
 * @param pages size in 64 KiB pages at the end of init (the output's new minimum)
 * @param nonZeroBytes bytes that differ from zero
 * @param segments data segments emitted for this memory
 * @param segmentBytes payload bytes in those segments (non-zero bytes plus merged zero gaps)
 */
public record MemoryReport(
    int index, long pages, long nonZeroBytes, int segments, long segmentBytes) {}
