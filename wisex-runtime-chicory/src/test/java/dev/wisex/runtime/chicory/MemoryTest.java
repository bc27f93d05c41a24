package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.WasmInstance;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemoryTest {
  private static final int PAGE = 65536;

  @Test
  void readsDataSegmentsInBulk() {
    GuestMemory memory = Fixtures.instantiate("memory", ExecutionMode.INTERPRETER).memory("memory");
    assertEquals(PAGE, memory.byteSize());
    assertEquals(1, memory.pages());
    byte[] dst = new byte[9];
    memory.read(15, dst, 2, 7);
    assertArrayEquals(new byte[] {0, 0, 0, 'h', 'e', 'l', 'l', 'o', 0}, dst);
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void writesAreSeenByTheGuestAndBack(ExecutionMode mode) {
    WasmInstance instance = Fixtures.instantiate("memory", mode);
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
  void copiesAcrossPageBoundariesInOneCall() {
    GuestMemory memory = Fixtures.instantiate("memory", ExecutionMode.INTERPRETER).memory("memory");
    byte[] pattern = new byte[PAGE - 10];
    for (int i = 0; i < pattern.length; i++) {
      pattern[i] = (byte) (i * 31 + 7);
    }
    memory.write(5, pattern, 0, pattern.length);
    byte[] back = new byte[pattern.length];
    memory.read(5, back, 0, back.length);
    assertArrayEquals(pattern, back);
  }

  @Test
  void reachesTheLastByteAndNotOneMore() {
    GuestMemory memory = Fixtures.instantiate("memory", ExecutionMode.INTERPRETER).memory("memory");
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
    assertThrows(WasmTrapException.class, () -> memory.write(PAGE, new byte[1], 0, 1));
    assertThrows(WasmTrapException.class, () -> memory.read(-1, one, 0, 1));
    // Addresses beyond what an int can hold must not wrap around into range.
    assertThrows(WasmTrapException.class, () -> memory.read((1L << 32) + 16, one, 0, 1));
    assertThrows(WasmTrapException.class, () -> memory.write(Long.MAX_VALUE, one, 0, 1));
  }

  @Test
  void aBadHostBufferIsTheHostsError() {
    GuestMemory memory = Fixtures.instantiate("memory", ExecutionMode.INTERPRETER).memory("memory");
    assertThrows(IndexOutOfBoundsException.class, () -> memory.read(0, new byte[4], 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> memory.write(0, new byte[4], -1, 1));
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void growthIsVisibleThroughAViewTakenBefore(ExecutionMode mode) {
    WasmInstance instance = Fixtures.instantiate("memory", mode);
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
  @EnumSource(ExecutionMode.class)
  void aGuestAccessOutOfBoundsTraps(ExecutionMode mode) {
    WasmInstance instance = Fixtures.instantiate("memory", mode);
    WasmTrapException trap =
        assertThrows(WasmTrapException.class, () -> instance.call("load8_oob"));
    assertTrue(trap.getMessage().contains("out of bounds memory access"), trap.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void exposesEachOfSeveralMemories(ExecutionMode mode) {
    WasmInstance instance = Fixtures.instantiate("multi_memory", mode);
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

  @Test
  void anUnknownMemoryIsNamed() {
    WasmInstance instance = Fixtures.instantiate("memory", ExecutionMode.INTERPRETER);
    InitFailedException e = assertThrows(InitFailedException.class, () -> instance.memory("mem"));
    assertEquals("module has no exported memory `mem`", e.getMessage());
  }
}
