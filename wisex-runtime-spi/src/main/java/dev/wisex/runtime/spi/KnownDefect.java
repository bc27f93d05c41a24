package dev.wisex.runtime.spi;

/**
 * An instruction an engine is known to compute wrongly. A backend declares its engine's defects
 * ({@link WasmRuntime#knownDefects()}), and wisex rewrites the module init runs in so that each
 * affected instruction becomes an equivalent sequence the engine gets right; the output is built
 * from the original module and never carries the workaround.
 */
public enum KnownDefect {
  /**
   * {@code i8x16.shl/shr_s/shr_u} and {@code i16x8.shl/shr_s/shr_u} use a negative shift count
   * unreduced instead of modulo the lane width (GraalWasm 25.0.2). Workaround: an explicit {@code
   * i32.and} of the count with the lane width minus one.
   */
  SIMD_NARROW_SHIFT_COUNT,
  /**
   * {@code f32.convert_i64_u} rounds some inputs of 2^63 and above one ulp too high (Chicory
   * 1.7.5). Workaround: halve with the lost bit kept sticky (round to odd), convert signed, double.
   */
  F32_CONVERT_I64_U_ROUNDING,
  /**
   * {@code f64.convert_i64_u} rounds inputs of 2^63 and above that lie half-way between two doubles
   * down where the tie goes to the even one above (Chicory 1.7.5). Workaround: as for {@link
   * #F32_CONVERT_I64_U_ROUNDING}.
   */
  F64_CONVERT_I64_U_ROUNDING,
  /**
   * An {@code i32} address of 2^31 or more is sign-extended where the engine reads it as an operand
   * or a constant rather than through a load or store: an active data segment's offset and the
   * addresses of {@code memory.init}, {@code memory.copy} and {@code memory.fill}, which then trap
   * as out of bounds (GraalWasm 25.0.2). Workaround: in init, each such instruction on a memory
   * that can pass 2 GiB calls a function that checks the bounds and moves the bytes with loads and
   * stores ({@code HighAddressBulkMemory}); such active segments, of the input in init and of the
   * output when verifying it, the host writes itself ({@code HostAppliedSegments}).
   */
  I32_ADDRESS_SIGN_EXTENSION,
  /**
   * {@code memory.copy} between a memory the engine keeps in the Java heap and one it keeps
   * off-heap ({@link WasmRuntime#memoryOnHeap}) fails inside the engine (GraalWasm 25.0.2: a {@code
   * ClassCastException} between its memory classes). Workaround: such copies call a function that
   * checks the bounds and moves the bytes with loads and stores ({@code HighAddressBulkMemory}).
   */
  COPY_BETWEEN_HEAP_AND_OFF_HEAP_MEMORY,
  /**
   * {@code memory.grow} returns -1 below the memory's maximum when the host cannot allocate the
   * memory (GraalWasm 25.0.2: a byte-array memory past the Java heap). The spec allows it, but a
   * snapshot would bake the failure in. Workaround: each grow runs through a guard that fails init
   * when a grow the maximum allows returns -1, naming the heap.
   */
  GROW_FAILS_WHEN_HOST_IS_OUT_OF_MEMORY,
  /**
   * A load or store of a 64-bit memory adds its static offset to the address modulo 2^64, so an
   * access whose address + offset passes 2^64 reads or writes near address 0 instead of trapping
   * (GraalWasm 25.0.2). Workaround: each such access with an offset first calls a function that
   * traps, out of bounds, when the sum passes 2^64 ({@code Memory64AddressWrap}).
   */
  MEMORY64_ADDRESS_WRAP,
  /**
   * {@code f32.min/max}, {@code f64.min/max/ceil/floor/trunc} and their SIMD forms ({@code
   * f32x4.min/max}, {@code f64x2.min/max/ceil/floor/trunc}) return a signalling NaN operand as it
   * is, where the spec requires an arithmetic (quiet) NaN, which wasmtime and V8 give (Chicory
   * 1.7.5 and GraalWasm 25.0.2: {@code f32.min} of {@code 0x7fa00001} and 1 gives {@code
   * 0x7fa00001}, wasmtime {@code 0x7fe00001}). Workaround: each result passes through a function
   * that sets the quiet bit of a NaN, lane by lane.
   */
  NAN_NOT_QUIETED
}
