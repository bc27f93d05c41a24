package dev.wisex.wasix.abi;

import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.GuestMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian scalar and string access on top of the SPI's bulk copies. Pointers arrive as
 * unsigned i32 (zero-extended in a {@code long}) or as i64, per the namespace's {@link
 * PointerWidth}; pointer-sized values in guest memory ({@code size_t} results, iovec fields, argv
 * entries) go through {@link #ptr}/{@link #size} and their setters, which follow that width.
 */
public final class GuestMem {
  private final GuestMemory memory;
  private final PointerWidth width;

  /**
   * {@code memory} may be null: calls that need none work, the others trap on first access. 32-bit
   * pointers.
   */
  public GuestMem(GuestMemory memory) {
    this(memory, PointerWidth.P32);
  }

  public GuestMem(GuestMemory memory, PointerWidth width) {
    this.memory = memory;
    this.width = width;
  }

  /** Bytes of a pointer or {@code size_t} in this guest. */
  public int pointerSize() {
    return width.bytes();
  }

  /** Reads a pointer. */
  public long ptr(long address) {
    return width == PointerWidth.P32 ? u32(address) : u64(address);
  }

  /** Reads a {@code size_t}. */
  public long size(long address) {
    return ptr(address);
  }

  /** Writes a pointer. */
  public void putPtr(long address, long value) {
    if (width == PointerWidth.P32) {
      putU32(address, value);
    } else {
      putU64(address, value);
    }
  }

  /** Writes a {@code size_t}, such as a byte count or an element count. */
  public void putSize(long address, long value) {
    putPtr(address, value);
  }

  /** The memory's current size in bytes. */
  public long byteSize() {
    return memory().byteSize();
  }

  private GuestMemory memory() {
    if (memory == null) {
      throw new WasmTrapException(
          "a WASI function that needs memory was called by a module that has none");
    }
    return memory;
  }

  public byte[] bytes(long address, int length) {
    GuestMemory memory = inBounds(address, length);
    byte[] out = new byte[length];
    memory.read(address, out, 0, length);
    return out;
  }

  /** Copies {@code length} bytes at {@code address} into the start of {@code dst}. */
  public void read(long address, byte[] dst, int length) {
    inBounds(address, length).read(address, dst, 0, length);
  }

  public void write(long address, byte[] src) {
    write(address, src, 0, src.length);
  }

  public void write(long address, byte[] src, int offset, int length) {
    inBounds(address, length).write(address, src, offset, length);
  }

  /**
   * Fails with {@code EFAULT} unless {@code [address, address + length)} lies inside memory: for a
   * guest array or buffer checked as a whole before it is used or anything is allocated for it.
   */
  public void checkRange(long address, long length) {
    inBounds(address, length);
  }

  /**
   * The memory, if {@code [address, address + length)} lies inside it; otherwise the call fails
   * with {@code EFAULT}, as in wasmer, before anything is allocated for a guest-chosen length. A
   * trap would end init; an errno lets the program handle its own bad pointer.
   */
  private GuestMemory inBounds(long address, long length) {
    GuestMemory memory = memory();
    if (address < 0 || length < 0 || address > memory.byteSize() - length) {
      throw new WasiException(Errno.FAULT);
    }
    return memory;
  }

  public int u8(long address) {
    return bytes(address, 1)[0] & 0xFF;
  }

  public int u16(long address) {
    return buffer(address, 2).getShort() & 0xFFFF;
  }

  public long u32(long address) {
    return buffer(address, 4).getInt() & 0xFFFF_FFFFL;
  }

  public long u64(long address) {
    return buffer(address, 8).getLong();
  }

  public void putU8(long address, int value) {
    write(address, new byte[] {(byte) value});
  }

  public void putU16(long address, int value) {
    write(address, le(2).putShort((short) value).array());
  }

  public void putU32(long address, long value) {
    write(address, le(4).putInt((int) value).array());
  }

  public void putU64(long address, long value) {
    write(address, le(8).putLong(value).array());
  }

  public String string(long address, long length) {
    return new String(bytes(address, checkedLength(length)), StandardCharsets.UTF_8);
  }

  /** A length from the guest, refused when it cannot be a Java array size. */
  public static int checkedLength(long length) {
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw new WasiException(Errno.OVERFLOW);
    }
    return (int) length;
  }

  /**
   * Stores {@code size} bytes of {@code value} little-endian into {@code dst} at {@code offset}.
   */
  public static void le(byte[] dst, int offset, int size, long value) {
    for (int i = 0; i < size; i++) {
      dst[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  private ByteBuffer buffer(long address, int length) {
    return ByteBuffer.wrap(bytes(address, length)).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
