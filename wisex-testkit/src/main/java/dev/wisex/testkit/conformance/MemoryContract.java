package dev.wisex.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.WasmInstance;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exported memories: bulk reads and writes that the guest sees and that stop exactly at the end,
 * growth, and several memories at once.
 */
public interface MemoryContract extends RuntimeUnderTest {
  /** The size of a WebAssembly page. */
  int PAGE = 65536;

  @Test
  default void readsDataSegmentsInBulk() {
    GuestMemory memory = instantiate("memory").memory("memory");
    assertEquals(PAGE, memory.byteSize());
    assertEquals(1, memory.pages());
    byte[] dst = new byte[9];
    memory.read(15, dst, 2, 7);
    assertArrayEquals(new byte[] {0, 0, 0, 'h', 'e', 'l', 'l', 'o', 0}, dst);
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void writesAreSeenByTheGuestAndBack(ExecutionMode mode) {
    WasmInstance instance = instantiate("memory", mode);
    GuestMemory memory = instance.memory("memory");
    byte[] src = "xxABCyy".getBytes(StandardCharsets.US_ASCII);
    memory.write(1000, src, 2, 3);
    assertEquals('B', instance.call("load8", 1001)[0]);
    instance.call("store8", 2000, 0x7F);
    byte[] back = new byte[3];
    memory.read(1000, back, 0, 3);
    assertArrayEquals("ABC".getBytes(StandardCharsets.US_ASCII), back);
    memory.read(2000, back, 0, 1);
    assertEquals(0x7F, back[0]);
  }

  @Test
  default void copiesAcrossPageBoundariesWithUnalignedStartAndTail() {
    WasmInstance instance = instantiate("memory");
    instance.call("grow", 1);
    GuestMemory memory = instance.memory("memory");
    byte[] pattern = new byte[PAGE + 13];
    for (int i = 0; i < pattern.length; i++) {
      pattern[i] = (byte) (i * 31 + 7);
    }
    memory.write(5, pattern, 0, pattern.length);
    byte[] back = new byte[pattern.length];
    memory.read(5, back, 0, back.length);
    assertArrayEquals(pattern, back);
    assertEquals(pattern[PAGE] & 0xFF, instance.call("load8", PAGE + 5)[0]);
  }

  @Test
  default void reachesTheLastByteAndNotOneMore() {
    GuestMemory memory = instantiate("memory").memory("memory");
    memory.write(PAGE - 1, new byte[] {42}, 0, 1);
    byte[] one = new byte[1];
    memory.read(PAGE - 1, one, 0, 1);
    assertEquals(42, one[0]);
    // A zero-length access at the very end is in range, as it is for the guest.
    memory.read(PAGE, one, 0, 0);

    WasmTrapException pastEnd =
        assertThrows(WasmTrapException.class, () -> memory.read(PAGE - 1, new byte[2], 0, 2));
    assertTrue(
        pastEnd.getMessage().startsWith("out of bounds memory access"), pastEnd.getMessage());
    assertThrows(WasmTrapException.class, () -> memory.write(PAGE - 4, new byte[9], 0, 9));
    assertThrows(WasmTrapException.class, () -> memory.write(PAGE, new byte[1], 0, 1));
    assertThrows(WasmTrapException.class, () -> memory.read(-1, one, 0, 1));
    // Addresses beyond what an int can hold must not wrap around into range.
    assertThrows(WasmTrapException.class, () -> memory.read((1L << 32) + 16, one, 0, 1));
    assertThrows(WasmTrapException.class, () -> memory.write(Long.MAX_VALUE, one, 0, 1));
  }

  @Test
  default void aBadHostBufferIsTheHostsError() {
    GuestMemory memory = instantiate("memory").memory("memory");
    assertThrows(IndexOutOfBoundsException.class, () -> memory.read(0, new byte[4], 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> memory.write(0, new byte[4], -1, 1));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void growthIsVisibleThroughAViewTakenBefore(ExecutionMode mode) {
    WasmInstance instance = instantiate("memory", mode);
    GuestMemory memory = instance.memory("memory");
    assertArrayEquals(new long[] {1}, instance.call("grow", 2));
    assertEquals(3L * PAGE, memory.byteSize());
    assertEquals(3, memory.pages());
    memory.write(3L * PAGE - 1, new byte[] {9}, 0, 1);
    // Growing past the declared maximum fails in the guest's own way, with -1.
    assertArrayEquals(new long[] {0xFFFF_FFFFL}, instance.call("grow", 1));
    assertEquals(3L * PAGE, memory.byteSize());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void aGuestAccessOutOfBoundsTraps(ExecutionMode mode) {
    WasmInstance instance = instantiate("memory", mode);
    WasmTrapException trap =
        assertThrows(WasmTrapException.class, () -> instance.call("load8_oob"));
    assertTrue(
        trap.getMessage().contains("out-of-bounds") || trap.getMessage().contains("out of bounds"),
        trap.getMessage());
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void exposesEachOfSeveralMemories(ExecutionMode mode) {
    assumeClaims(Capability.MULTI_MEMORY);
    WasmInstance instance = instantiate("multi_memory", mode);
    GuestMemory a = instance.memory("a");
    GuestMemory b = instance.memory("b");
    assertEquals(PAGE, a.byteSize());
    assertEquals(2L * PAGE, b.byteSize());
    byte[] word = new byte[6];
    b.read(70000, word, 0, 6);
    assertEquals("second", new String(word, StandardCharsets.US_ASCII));

    instance.call("copy_b_to_a", 10, 70000, 6);
    a.read(10, word, 0, 6);
    assertEquals("second", new String(word, StandardCharsets.US_ASCII));
    a.read(0, word, 0, 5);
    assertEquals("first", new String(word, 0, 5, StandardCharsets.US_ASCII));

    b.write(5, new byte[] {77}, 0, 1);
    assertArrayEquals(new long[] {77}, instance.call("load_b", 5));
  }

  @ParameterizedTest
  @MethodSource("executionModes")
  default void a64BitMemoryIsReadWrittenAndGrown(ExecutionMode mode) {
    assumeClaims(Capability.MEMORY64);
    WasmInstance instance = instantiate("memory64", mode);
    GuestMemory memory = instance.memory("memory");
    assertArrayEquals(new long[] {7}, instance.call("load", PAGE - 1));
    assertArrayEquals(new long[] {1}, instance.call("grow", 1));
    assertEquals(2L * PAGE, memory.byteSize());
    memory.write(2L * PAGE - 1, new byte[] {5}, 0, 1);
    assertArrayEquals(new long[] {5}, instance.call("load", 2L * PAGE - 1));
    assertThrows(WasmTrapException.class, () -> instance.call("load", 2L * PAGE));
  }

  @Test
  default void anUnknownMemoryIsNamed() {
    WasmInstance instance = instantiate("memory");
    InitFailedException e = assertThrows(InitFailedException.class, () -> instance.memory("mem"));
    assertEquals("module has no exported memory `mem`", e.getMessage());
  }
}
