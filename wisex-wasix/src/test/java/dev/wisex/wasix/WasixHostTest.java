package dev.wisex.wasix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.StdioStreams;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.wasix.abi.Signature;
import dev.wisex.wasix.config.WasixConfig;
import dev.wisex.wasix.table.Entry;
import dev.wisex.wasix.table.Preview1Table;
import dev.wisex.wasix.table.Table;
import dev.wisex.wasix.table.WasixTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The namespace tables and the host's linking rules. */
class WasixHostTest {
  private static final FuncType FD_WRITE = Signature.parse("(i32, i32, i32, i32) -> (i32)");
  private static final FuncType FD_WRITE_64 = Signature.parse("(i32, i64, i64, i64) -> (i32)");

  @Test
  void preview1HasAllFortySixFunctions() {
    assertEquals(46, Preview1Table.create().entries().size());
  }

  @Test
  void wasix32ReExportsPreview1AndAddsTheExtensions() {
    Table wasix = WasixTable.create();
    assertTrue(wasix.entries().keySet().containsAll(Preview1Table.create().entries().keySet()));
    // The 91 extension functions of the ABI list.
    assertEquals(46 + 91, wasix.entries().size());
  }

  @Test
  void ownsOnlyWasiNamespaces() {
    assertTrue(WasixHost.owns("wasi_snapshot_preview1"));
    assertTrue(WasixHost.owns("wasix_32v1"));
    assertTrue(WasixHost.owns("wasix_64v1"));
    assertTrue(WasixHost.owns("wasi"));
    assertFalse(WasixHost.owns("env"));
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      assertTrue(host.function("env", "fd_write", FD_WRITE).isEmpty());
    }
  }

  @Test
  void wasix64LinksTheSameRowsWithSixtyFourBitPointers() {
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      assertTrue(host.function("wasix_64v1", "fd_write", FD_WRITE_64).isPresent());
      assertEquals(
          "init called `wasix_64v1.fd_write`, which cannot be pre-initialized: the module declares"
              + " it as (i32, i32, i32, i32) -> (i32), but the ABI defines it as (i32, i64, i64,"
              + " i64) -> (i32), so wisex cannot tell what the call means",
          trapMessage(host, "wasix_64v1", "fd_write", FD_WRITE));
    }
  }

  /** A signature no version defines links (init may never call it) and traps only when called. */
  @Test
  void aSignatureMismatchLinksAndNamesBothSignaturesWhenCalled() {
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      assertEquals(
          "init called `wasi_snapshot_preview1.fd_write`, which cannot be pre-initialized: the"
              + " module declares it as (i32) -> (i32), but the ABI defines it as (i32, i32, i32,"
              + " i32) -> (i32), so wisex cannot tell what the call means",
          trapMessage(
              host, "wasi_snapshot_preview1", "fd_write", Signature.parse("(i32) -> (i32)")));
      assertEquals(
          "init called `wasix_32v1.proc_join`, which cannot be pre-initialized: the module declares"
              + " it as (i32) -> (i32), but the ABI defines it as (i32, i32, i32) -> (i32) (and"
              + " earlier versions as (i32, i32) -> (i32)), so wisex cannot tell what the call means",
          trapMessage(host, "wasix_32v1", "proc_join", Signature.parse("(i32) -> (i32)")));
    }
  }

  /**
   * Signatures of earlier wasix_32v1 versions (wasmer 3.x), as the shared programs declare them.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "wasix_32v1|sock_accept|(i32, i32, i32, i32) -> (i32)|sockets reach the network",
        "wasix_32v1|proc_join|(i32, i32) -> (i32)|no child processes to join",
        "wasix_32v1|thread_spawn|(i32, i32) -> (i32)|a snapshot cannot hold a second thread",
        "wasix_32v1|thread_spawn|(i64, i64, i64, i32, i32) -> (i32)|a snapshot cannot hold a second",
        "wasi|thread-spawn|(i32) -> (i32)|init runs on one thread: a snapshot cannot hold a second",
        "wasix_32v1|bus_call|(i32, i32) -> (i32)|the process bus of older WASIX versions",
        "wasix_32v1|ws_connect|(i32) -> (i32)|sockets reach the network"
      })
  void earlierVersionsAreRefusedForWhatTheyDo(
      String module, String name, String signature, String reason) {
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      String message = trapMessage(host, module, name, Signature.parse(signature));
      assertTrue(
          message.startsWith(
              "init called `" + module + "." + name + "`, which cannot be pre-initialized: "),
          message);
      assertTrue(message.contains(reason), message);
    }
  }

  /** wasmer's semantics: keys from 1, unset values read 0, set/get per key, destroy forgets. */
  @Test
  void threadLocalKeysAreExactForTheOneThread() {
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      ArrayMemory memory = new ArrayMemory();
      HostFunction create =
          host.function("wasix_32v1", "thread_local_create", Signature.parse("(i64, i32) -> (i32)"))
              .orElseThrow();
      HostFunction set =
          host.function("wasix_32v1", "thread_local_set", Signature.parse("(i32, i64) -> (i32)"))
              .orElseThrow();
      HostFunction get =
          host.function("wasix_32v1", "thread_local_get", Signature.parse("(i32, i32) -> (i32)"))
              .orElseThrow();
      HostFunction destroy =
          host.function("wasix_32v1", "thread_local_destroy", Signature.parse("(i32) -> (i32)"))
              .orElseThrow();
      assertEquals(0, create.handler().apply(memory, new long[] {0, 100})[0]);
      assertEquals(0, create.handler().apply(memory, new long[] {0, 104})[0]);
      assertEquals(1, memory.i32(100));
      assertEquals(2, memory.i32(104));
      memory.write(200, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}, 0, 8);
      get.handler().apply(memory, new long[] {2, 200});
      assertEquals(0L, memory.i64(200));
      set.handler().apply(memory, new long[] {2, 0x1_0000_0007L});
      get.handler().apply(memory, new long[] {2, 200});
      assertEquals(0x1_0000_0007L, memory.i64(200));
      get.handler().apply(memory, new long[] {1, 200});
      assertEquals(0L, memory.i64(200));
      InitFailedException alive = assertThrows(InitFailedException.class, host::checkSnapshotable);
      assertTrue(
          alive
              .getMessage()
              .contains("1 (without a destructor); 2 (without a destructor, value 4294967303)"),
          alive.getMessage());
      destroy.handler().apply(memory, new long[] {1});
      destroy.handler().apply(memory, new long[] {2});
      get.handler().apply(memory, new long[] {2, 200});
      assertEquals(0L, memory.i64(200));
      host.checkSnapshotable();
      // Numbers are never reused.
      create.handler().apply(memory, new long[] {0, 100});
      assertEquals(3, memory.i32(100));
    }
  }

  /** wasmer calls the guest's destructor export on destroy; a host function cannot. */
  @Test
  void destroyingAKeyWhoseDestructorWouldRunFailsInit() {
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      ArrayMemory memory = new ArrayMemory();
      host.function("wasix_32v1", "thread_local_create", Signature.parse("(i64, i32) -> (i32)"))
          .orElseThrow()
          .handler()
          .apply(memory, new long[] {1234, 100});
      HostFunction destroy =
          host.function("wasix_32v1", "thread_local_destroy", Signature.parse("(i32) -> (i32)"))
              .orElseThrow();
      host.function("wasix_32v1", "thread_local_set", Signature.parse("(i32, i64) -> (i32)"))
          .orElseThrow()
          .handler()
          .apply(memory, new long[] {1, 5});
      InitFailedException e =
          assertThrows(
              InitFailedException.class, () -> destroy.handler().apply(memory, new long[] {1}));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "init called `thread_local_destroy` on thread-local key 1, which has a destructor"),
          e.getMessage());
    }
  }

  private static String trapMessage(WasixHost host, String module, String name, FuncType type) {
    HostFunction f = host.function(module, name, type).orElseThrow();
    return assertThrows(
            WasmTrapException.class,
            () -> f.handler().apply(new ArrayMemory(), new long[type.params().size()]))
        .getMessage();
  }

  static Stream<Object[]> refused() {
    return Stream.of(
            Preview1Table.create(),
            WasixTable.create(),
            WasixTable.create(dev.wisex.wasix.abi.PointerWidth.P64))
        .flatMap(
            t ->
                t.entries().values().stream()
                    .filter(e -> !e.isSupported())
                    .map(e -> new Object[] {t.namespace(), e}));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("refused")
  void everyRefusedCallTrapsWithItsReason(String namespace, Entry entry) {
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      HostFunction function =
          host.function(namespace, entry.name(), entry.signature()).orElseThrow();
      WasmTrapException e =
          assertThrows(
              WasmTrapException.class,
              () ->
                  function
                      .handler()
                      .apply(new ArrayMemory(), new long[entry.signature().params().size()]));
      assertEquals(
          "init called `"
              + namespace
              + "."
              + entry.name()
              + "`, which cannot be pre-initialized: "
              + entry.reason(),
          e.getMessage());
      assertFalse(entry.reason().isBlank());
    }
  }

  @Test
  void unknownNamesTrapToo() {
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      HostFunction f = host.function("wasix_32v1", "teleport", FD_WRITE).orElseThrow();
      WasmTrapException e =
          assertThrows(WasmTrapException.class, () -> f.handler().apply(null, new long[4]));
      assertEquals(
          "init called `wasix_32v1.teleport`, which cannot be pre-initialized: wisex does not know this function",
          e.getMessage());
    }
  }

  @Test
  void fdWriteToStdoutReachesTheConfiguredStream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WasixConfig config =
        new WasixConfig(
            List.of("x"), Map.of(), List.of(), new StdioStreams(null, out, null), 0, false, false);
    ArrayMemory memory = new ArrayMemory();
    memory.put(100, "captured");
    memory.write(0, new byte[] {100, 0, 0, 0, 8, 0, 0, 0}, 0, 8);
    try (WasixHost host = WasixHost.create(config)) {
      long[] result =
          host.function("wasi_snapshot_preview1", "fd_write", FD_WRITE)
              .orElseThrow()
              .handler()
              .apply(memory, new long[] {1, 0, 1, 16});
      assertEquals(0, result[0]);
    }
    assertEquals("captured", out.toString(StandardCharsets.UTF_8));
    assertEquals(8, memory.i32(16));
  }

  /** wasix_64v1: an iovec is {u64 buf, u64 len} and nwritten a u64. */
  @Test
  void fdWriteThroughWasix64ReadsSixteenByteIovecsAndWritesAnEightByteCount() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WasixConfig config =
        new WasixConfig(
            List.of("x"), Map.of(), List.of(), new StdioStreams(null, out, null), 0, false, false);
    ArrayMemory memory = new ArrayMemory();
    memory.put(100, "sixty");
    memory.put(200, "-four");
    memory.write(0, le64(100, 5, 200, 5), 0, 32);
    memory.write(48, le64(-1L), 0, 8);
    try (WasixHost host = WasixHost.create(config)) {
      long[] result =
          host.function("wasix_64v1", "fd_write", FD_WRITE_64)
              .orElseThrow()
              .handler()
              .apply(memory, new long[] {1, 0, 2, 48});
      assertEquals(0, result[0]);
    }
    assertEquals("sixty-four", out.toString(StandardCharsets.UTF_8));
    assertEquals(10, memory.i32(48));
    assertEquals(0, memory.i32(52), "the count's high half is written too");
  }

  /**
   * wasix_64v1 epoll_event: events u32 @0, data {ptr u64 @8, fd u32 @16, data1 u32 @20, data2 @24}.
   */
  @Test
  void epollThroughWasix64UsesAnEightBytePointerInEpollData() {
    ArrayMemory memory = new ArrayMemory();
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      call(host, "fd_pipe", "(i64, i64) -> (i32)", memory, 0, 4);
      call(host, "epoll_create", "(i64) -> (i32)", memory, 8);
      int writeEnd = memory.i32(4);
      memory.write(128, le64(2, 0x1_0000_7000L), 0, 16);
      memory.write(
          144, new byte[] {(byte) writeEnd, 0, 0, 0, (byte) 0xCD, (byte) 0xAB, 0, 0}, 0, 8);
      memory.write(152, le64(0x2222), 0, 8);
      call(
          host,
          "epoll_ctl",
          "(i32, i32, i32, i64) -> (i32)",
          memory,
          memory.i32(8),
          0,
          writeEnd,
          128);
      memory.write(300, le64(-1L), 0, 8);
      call(
          host,
          "epoll_wait",
          "(i32, i64, i32, i64, i64) -> (i32)",
          memory,
          memory.i32(8),
          512,
          4,
          0,
          300);
    }
    assertEquals(1, memory.i32(300));
    assertEquals(0, memory.i32(304), "nevents is a u64");
    assertEquals(2, memory.i32(512), "EPOLLOUT");
    assertEquals(0x7000, memory.i32(520));
    assertEquals(1, memory.i32(524), "the pointer's high half");
    assertEquals(memory.i32(4), memory.i32(528), "data.fd after the 8-byte pointer");
    assertEquals(0xABCD, memory.i32(532));
    assertEquals(0x2222, memory.i32(536));
  }

  private static void call(
      WasixHost host, String name, String signature, ArrayMemory memory, long... args) {
    long[] result =
        host.function("wasix_64v1", name, Signature.parse(signature))
            .orElseThrow()
            .handler()
            .apply(memory, args);
    assertEquals(0, result[0], name);
  }

  private static byte[] le64(long... values) {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(8 * values.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "wasi_snapshot_preview1,proc_exit",
    "wasix_32v1,proc_exit2",
    "wasix_64v1,proc_exit2"
  })
  void procExitThrowsGuestExit(String namespace, String name) {
    try (WasixHost host = WasixHost.create(WasixConfig.defaults())) {
      HostFunction exit =
          host.function(namespace, name, Signature.parse("(i32) -> ()")).orElseThrow();
      GuestExit e = assertThrows(GuestExit.class, () -> exit.handler().apply(null, new long[] {7}));
      assertEquals(7, e.code());
    }
  }
}
