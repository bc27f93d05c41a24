package dev.wisex.runtime.spi;

import dev.wisex.api.WasmTrapException;

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

  /**
   * Checks a host access of {@code length} bytes at {@code address} against a memory of {@code
   * byteSize} bytes, so that every backend refuses one out of range as the guest's own access would
   * be refused: with a trap naming the access.
   *
   * @return {@code address}, which fits an {@code int} where {@code byteSize} does
   * @throws WasmTrapException if the range does not lie inside the memory
   */
  static int checkAccess(long address, int length, long byteSize) {
    if (address < 0 || address > byteSize - length) {
      throw new WasmTrapException(
          "out of bounds memory access: "
              + length
              + " bytes at address "
              + address
              + " in a memory of "
              + byteSize
              + " bytes");
    }
    return (int) address;
  }

  /** The size in 64 KiB pages. */
  default long pages() {
    return byteSize() >>> 16;
  }
}
