package dev.wisex.parser.analysis;

/**
 * A load's or store's memory argument as decoded.
 *
 * @param memory the memory it accesses
 * @param offset the static offset added to the address (unsigned)
 */
public record MemArg(int memory, long offset) {}
