package dev.wisex.api;

/**
 * The pre-initialized module and the report on how it was made.
 *
 * @param module the output module's bytes
 * @param report what was snapshotted
 */
public record WisexResult(byte[] module, SnapshotReport report) {}
