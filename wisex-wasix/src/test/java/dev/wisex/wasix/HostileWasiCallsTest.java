package dev.wisex.wasix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MapDir;
import dev.wisex.api.StdioStreams;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.config.WasixConfig;
import dev.wisex.wasix.table.Entry;
import dev.wisex.wasix.table.Preview1Table;
import dev.wisex.wasix.table.Table;
import dev.wisex.wasix.table.WasixTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's hostile WASI calls, each pinned: a call whose arguments name more data than memory
 * holds moves at most the memory's size in bounded chunks; offsets and sizes no file can have get
 * the errno Linux (and so wasmer and wasmtime on it) gives, not a host exception.
 */
class HostileWasiCallsTest {
  private static final int PAGE = 65536;
  private static final int EINVAL = 28;
  private static final int EFBIG = 22;

  @TempDir Path tree;

  /** Counts bytes and remembers the largest single write, without keeping any. */
  private static final class Counting extends OutputStream {
    long total;
    int largestWrite;

    @Override
    public void write(int b) {
      total++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      total += len;
      largestWrite = Math.max(largestWrite, len);
    }
  }

  @Test
  void fdWriteOfMoreIovecBytesThanMemoryIsAShortWriteStreamedInChunks() {
    // 32,769 iovecs, each the same 64 KiB buffer, in a 6-page memory: 2 GiB + 64 KiB named.
    int pages = 6;
    int count = 32_769;
    ArrayMemory memory = new ArrayMemory(pages);
    int iovs = PAGE;
    for (int i = 0; i < count; i++) {
      GuestMem.le(memory.bytes, iovs + 8 * i, 4, 0);
      GuestMem.le(memory.bytes, iovs + 8 * i + 4, 4, PAGE);
    }
    int nwritten = 5 * PAGE;
    Counting out = new Counting();
    try (WasixHost host = host(new StdioStreams(null, out, null))) {
      assertEquals(0, call(host, memory, "fd_write", 1, iovs, count, nwritten));
    }
    long memoryBytes = (long) pages * PAGE;
    assertEquals(memoryBytes, memory.i32(nwritten) & 0xFFFF_FFFFL, "capped at the memory's size");
    assertEquals(memoryBytes, out.total);
    assertTrue(out.largestWrite <= PAGE, "one write of " + out.largestWrite + " bytes");
  }

  @Test
  void fdPwriteAtOffsetsNoFileCanReachIsEinvalOrEfbig() throws IOException {
    ArrayMemory memory = new ArrayMemory();
    memory.put(0, "f");
    memory.put(16, "data");
    GuestMem.le(memory.bytes, 32, 4, 16);
    GuestMem.le(memory.bytes, 36, 4, 4);
    try (WasixHost host = host(new StdioStreams(null, OutputStream.nullOutputStream(), null))) {
      int fd = open(host, memory);
      assertEquals(EINVAL, call(host, memory, "fd_pwrite", fd, 32, 1, Long.MAX_VALUE - 1, 40));
      assertEquals(EINVAL, call(host, memory, "fd_pwrite", fd, 32, 1, -1, 40));
      assertEquals(EINVAL, call(host, memory, "fd_pwrite", fd, 32, 1, Long.MIN_VALUE, 40));
      assertEquals(EFBIG, call(host, memory, "fd_pwrite", fd, 32, 1, 1L << 40, 40));
      assertEquals(0, call(host, memory, "fd_pwrite", fd, 32, 1, 3, 40));
      assertEquals(4, memory.i32(40));
      assertEquals(EINVAL, call(host, memory, "fd_pread", fd, 32, 1, -1, 40));
      assertEquals(EINVAL, call(host, memory, "fd_filestat_set_size", fd, -1));
      assertEquals(EFBIG, call(host, memory, "fd_filestat_set_size", fd, 1L << 40));
      // In WASIX (preview1's fd_allocate is ENOTSUP, as in wasmtime).
      assertEquals(EINVAL, wasix(host, memory, "fd_allocate", fd, -1, 1));
      assertEquals(EFBIG, wasix(host, memory, "fd_allocate", fd, 1L << 40, 1));
      // The file still holds what the one good write put there: 3 zero bytes, then "data".
      assertEquals(0, call(host, memory, "fd_pread", fd, 32, 1, 0, 40));
      assertEquals(4, memory.i32(40));
      assertEquals(0, call(host, memory, "fd_filestat_get", fd, 200));
      assertEquals(7, memory.i32(200 + 32));
    }
  }

  @Test
  void randomGetLongerThanMemoryIsEfaultBeforeAnyAllocation() {
    ArrayMemory memory = new ArrayMemory();
    try (WasixHost host = host(StdioStreams.captured())) {
      assertEquals(21, call(host, memory, "random_get", 0, Integer.MAX_VALUE - 8));
      assertEquals(0, call(host, memory, "random_get", 0, PAGE));
    }
  }

  private WasixHost host(StdioStreams stdio) {
    try {
      Files.createDirectories(tree);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return WasixHost.create(
        new WasixConfig(
            List.of("x"), Map.of(), List.of(new MapDir("/t", tree)), stdio, 0, false, false));
  }

  /** Creates {@code f} read-write in the preopen (fd 3); its name is at address 0. */
  private static int open(WasixHost host, ArrayMemory memory) {
    assertEquals(
        0, call(host, memory, "path_open", 3, 0, 0, 1, 1, 0x1FFF_FFFFL, 0x1FFF_FFFFL, 0, 8));
    return memory.i32(8);
  }

  private static int call(WasixHost host, ArrayMemory memory, String name, long... args) {
    return call(Preview1Table.create(), host, memory, name, args);
  }

  private static int wasix(WasixHost host, ArrayMemory memory, String name, long... args) {
    return call(WasixTable.create(), host, memory, name, args);
  }

  private static int call(
      Table table, WasixHost host, ArrayMemory memory, String name, long... args) {
    Entry entry = table.entry(name).orElseThrow();
    long[] passed = args.clone();
    for (int i = 0; i < passed.length; i++) {
      if (entry.signature().params().get(i) == dev.wisex.runtime.spi.ValType.I32) {
        passed[i] &= 0xFFFF_FFFFL;
      }
    }
    return (int)
        host.function(table.namespace(), name, entry.signature())
            .orElseThrow()
            .handler()
            .apply(memory, passed)[0];
  }
}
