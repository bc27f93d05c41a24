package dev.wisex.parser;

/**
 * One data segment. The payload stays in the module's byte array (only its position is kept), so
 * parsing a module with megabytes of data copies nothing.
 *
 * @param active true for an active segment, false for a passive one
 * @param memoryIndex target memory of an active segment (0 for passive ones)
 * @param offsetExpr exact bytes of an active segment's offset expression including its {@code end},
 *     or an empty array for a passive one
 * @param payloadOffset position of the payload in the module's bytes
 * @param payloadLength payload length in bytes
 */
public record DataSegment(
    boolean active, int memoryIndex, byte[] offsetExpr, int payloadOffset, int payloadLength) {}
