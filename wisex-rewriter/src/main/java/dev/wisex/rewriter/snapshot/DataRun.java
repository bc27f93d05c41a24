package dev.wisex.rewriter.snapshot;

/**
 * One range of a memory to become one data segment. Only the position is kept: the bytes stay in
 * guest memory until the rewrite copies them straight into the output module.
 *
 * @param offset address of the first byte
 * @param length how many bytes (non-zero runs plus the short zero gaps merged into them)
 */
public record DataRun(long offset, int length) {
  public DataRun {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("invalid run of " + length + " bytes at " + offset);
    }
  }

  /** The address after the last byte. */
  public long end() {
    return offset + length;
  }
}
