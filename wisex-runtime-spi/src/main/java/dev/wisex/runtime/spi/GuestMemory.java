package dev.wisex.runtime.spi;

/**
 * A linear memory seen from the host. Only bulk copies cross the seam: a snapshot of a large memory
 * is a few thousand calls, never one per byte.
 */
public interface GuestMemory {
  /** The memory's current size in bytes (a multiple of the 64 KiB page size). */
  long byteSize();

  /**
   * Copies {@code length} bytes at guest address {@code address} into {@code dst[dstOffset...]}.
   */
  void read(long address, byte[] dst, int dstOffset, int length);

  /**
   * Copies {@code length} bytes from {@code src[srcOffset...]} to guest address {@code address}.
   */
  void write(long address, byte[] src, int srcOffset, int length);

  /** The size in 64 KiB pages. */
  default long pages() {
    return byteSize() >>> 16;
  }
}
