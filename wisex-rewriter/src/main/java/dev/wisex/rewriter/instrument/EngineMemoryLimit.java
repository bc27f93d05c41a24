package dev.wisex.rewriter.instrument;

/**
 * The largest memory the engine init runs on can hold. Init must fail naming it rather than see a
 * {@code memory.grow} return -1 that the module's own maximum would have allowed: a snapshot of
 * that failure would be a silently broken output.
 *
 * @param runtime the backend's name, for messages
 * @param maxBytes the largest memory it holds, in bytes
 */
public record EngineMemoryLimit(String runtime, long maxBytes) {
  /** No limit of the engine's own: only the module and {@code --max-memory} bound memories. */
  public static final EngineMemoryLimit NONE = new EngineMemoryLimit("", Long.MAX_VALUE);

  /** Whether this limit, not {@code --max-memory}, is the binding one for pages of that size. */
  public boolean binds(long maxMemoryBytes, int pageSizeLog2) {
    return (maxBytes >>> pageSizeLog2) < (maxMemoryBytes >>> pageSizeLog2);
  }

  /** How the message names this limit, e.g. "the 32,767 pages (2 GiB) runtime `chicory` holds". */
  public String describe(int pageSizeLog2) {
    long pages = maxBytes >>> pageSizeLog2;
    return String.format(
        "the %,d pages (%s) runtime `%s` can hold; run init on a runtime without that limit"
            + " (--runtime)",
        pages, Sizes.describe(pages << pageSizeLog2), runtime);
  }
}
