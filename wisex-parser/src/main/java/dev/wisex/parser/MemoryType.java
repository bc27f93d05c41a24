package dev.wisex.parser;

/**
 * A linear memory's limits and flags, decoded because the rewrite raises the minimum and the
 * snapshot needs to know the address width.
 *
 * @param minimum minimum size in pages
 * @param maximum maximum size in pages, or -1 if unbounded
 * @param shared the threads proposal's shared flag
 * @param memory64 addresses are i64 (memory64 proposal)
 * @param pageSizeLog2 log2 of the page size (16 unless the custom-page-sizes proposal sets another)
 */
public record MemoryType(
    long minimum, long maximum, boolean shared, boolean memory64, int pageSizeLog2) {
  public static final int DEFAULT_PAGE_SIZE_LOG2 = 16;

  public boolean hasMaximum() {
    return maximum >= 0;
  }

  /** The same type with another minimum, as the rewrite needs after init grew the memory. */
  public MemoryType withMinimum(long pages) {
    return new MemoryType(pages, maximum, shared, memory64, pageSizeLog2);
  }

  /** Reads a memory type (limits flags, limits, custom page size). */
  public static MemoryType read(ByteReader in) {
    int start = in.position();
    int flags = in.u8("memory limits flags");
    if ((flags & ~0x0F) != 0) {
      throw new dev.wisex.api.MalformedModuleException(
          "invalid memory limits flags 0x" + Integer.toHexString(flags) + " at offset " + start);
    }
    boolean memory64 = (flags & 0x04) != 0;
    long min = memory64 ? in.u64("memory minimum") : in.u32("memory minimum") & 0xFFFF_FFFFL;
    long max = -1;
    if ((flags & 0x01) != 0) {
      max = memory64 ? in.u64("memory maximum") : in.u32("memory maximum") & 0xFFFF_FFFFL;
    }
    int pageSizeLog2 = DEFAULT_PAGE_SIZE_LOG2;
    if ((flags & 0x08) != 0) {
      pageSizeLog2 = in.u32("memory page size");
    }
    return new MemoryType(min, max, (flags & 0x02) != 0, memory64, pageSizeLog2);
  }
}
