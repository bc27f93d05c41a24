package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.MapDir;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.rewriter.wasi.WasiRun.Memory;
import dev.wisex.testkit.Wat;
import dev.wisex.wasix.config.WasixConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WASIX extensions during init: virtual cwd, dup, pipes, events, tty, threads, futexes, process
 * ids.
 */
class WasixExtensionsTest {
  @TempDir Path dir;

  private WisexOptions options() throws IOException {
    Files.createDirectories(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/deep.txt"), "deep");
    return WasiRun.options().mapDir(new MapDir("/data", dir)).build();
  }

  @Test
  void extensionsWorkInsideTheSandbox() throws IOException {
    Memory m = WasiRun.check(WasiRun.wat("wasix"), options());
    assertEquals(0, m.errno(0));
    assertEquals("/\0", m.string(64, 2));
    assertEquals(1, m.i32(8), "cwd length");
    assertEquals(0, m.errno(1), "chdir /data/nested");
    assertEquals("/data/nested", m.string(128, 12));
    assertEquals(44, m.errno(3), "chdir to a missing directory is ENOENT");
    assertEquals(0, m.errno(4));
    assertEquals(4, m.i32(200), "fd_dup takes the lowest free fd");
    assertEquals(10, m.i32(204), "fd_dup2 takes the lowest free fd from its minimum");
    assertEquals(0, m.errno(6));
    assertEquals(5, m.i32(24));
    assertEquals(5, m.i32(28));
    assertEquals("pipe!", m.string(4096, 5));
    assertEquals(0, m.errno(10));
    assertEquals(2, m.i64(224), "event counter");
    assertEquals(0, m.errno(11));
    assertEquals(80, m.i32(300), "tty columns");
    assertEquals(1, m.i32(232), "thread_id");
    assertEquals(1, m.i32(236), "thread_parallelism");
    assertEquals(
        5_000_000_000_000_000_000L, m.i64(240), "clock_time_set moved the sandbox's wall clock");
    assertEquals(28, m.errno(18), "futex_wait on a changed value is EINVAL");
    assertEquals(0, m.errno(19), "futex_wait with a timeout times out");
    assertEquals(0, m.bytes()[252], "not woken");
    assertEquals(0, m.errno(20));
    assertEquals(0, m.errno(21));
    assertEquals(1, m.i32(272), "proc_id");
    assertEquals(0, m.i32(276), "no parent");
    assertEquals(1, m.i32(280), "cloexec set");
    assertEquals(0, m.errno(26), "path_open2");
    assertEquals(0, m.errno(27));
    assertEquals(0, m.errno(28), "fd_renumber");
    assertEquals(0, m.errno(29));
  }

  @Test
  void epollReportsReadinessOfPipesAndEventFds() {
    Memory m = WasiRun.check(WasiRun.wat("epoll"), WasiRun.options().build(), "nevents");
    for (int i : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 18, 19, 20, 21}) {
      assertEquals(0, m.errno(i), "errno " + i);
    }
    assertEquals(1, m.i32(16), "empty pipe, zero counter: only the write end is ready");
    assertEvent(m, 256, 2, m.i32(4), 0x2222);
    assertEquals(3, m.i32(20), "data in the pipe and the counter");
    assertEvent(m, 512, 1, m.i32(0), 0x1111);
    assertEvent(m, 544, 2, m.i32(4), 0x2222);
    assertEvent(m, 576, 1, m.i32(8), 0x3333);
    assertEquals(2, m.i32(24), "write end removed");
    assertEvent(m, 768, 1, m.i32(0), 0x1111);
    assertEvent(m, 800, 1, m.i32(8), 0x4444);
    assertEquals(1, m.i32(28), "the one-shot event fd is disarmed after one report");
    assertEvent(m, 1536, 1, m.i32(0), 0x1111);
    assertEquals(20, m.errno(14), "EEXIST: already watched");
    assertEquals(44, m.errno(15), "ENOENT: not watched");
    assertEquals(28, m.errno(16), "EINVAL: not an epoll fd");
    assertEquals(28, m.errno(17), "EINVAL: maxevents 0");
    assertEquals(0, m.i32(32), "the closed read end left the interest list");
    long waited = m.i64(48) - m.i64(40);
    // Plus a tick for each clock read in between.
    assertTrue(
        waited > 2_000_000_000L && waited < 2_000_000_000L + 10 * WasixConfig.CLOCK_TICK_NANOS,
        "a timed wait moves the virtual clock: " + waited);
  }

  private static void assertEvent(Memory m, int at, int events, int fd, long tag) {
    assertEquals(events, m.i32(at), "events at " + at);
    assertEquals(0x7000, m.i32(at + 8), "data.ptr at " + at);
    assertEquals(fd, m.i32(at + 12), "data.fd at " + at);
    assertEquals(0xABCD, m.i32(at + 16), "data.data1 at " + at);
    assertEquals(0, m.i32(at + 20), "padding at " + at);
    assertEquals(tag, m.i64(at + 24), "data.data2 at " + at);
  }

  @Test
  void anEpollWaitWithoutTimeoutOnNothingReadyFails() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                run(
                    """
        (module
          (import "wasix_32v1" "fd_pipe" (func $pipe (param i32 i32) (result i32)))
          (import "wasix_32v1" "epoll_create" (func $create (param i32) (result i32)))
          (import "wasix_32v1" "epoll_ctl" (func $ctl (param i32 i32 i32 i32) (result i32)))
          (import "wasix_32v1" "epoll_wait" (func $wait (param i32 i32 i32 i64 i32) (result i32)))
          (memory 1)
          (func (export "wizex.initialize")
            (drop (call $pipe (i32.const 0) (i32.const 4)))
            (drop (call $create (i32.const 8)))
            (i32.store (i32.const 128) (i32.const 1))
            (drop (call $ctl (i32.load (i32.const 8)) (i32.const 0) (i32.load (i32.const 0)) (i32.const 128)))
            (drop (call $wait (i32.load (i32.const 8)) (i32.const 256) (i32.const 4) (i64.const -1) (i32.const 16)))))
        """));
    assertTrue(e.getMessage().contains("epoll_wait"), e.getMessage());
    assertTrue(e.getMessage().contains("would block forever during init"), e.getMessage());
  }

  @Test
  void readingAnEmptyPipeFailsInsteadOfHanging() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                run(
                    """
        (module
          (import "wasix_32v1" "fd_pipe" (func $pipe (param i32 i32) (result i32)))
          (import "wasix_32v1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
          (memory 1)
          (func (export "wizex.initialize")
            (drop (call $pipe (i32.const 0) (i32.const 4)))
            (i32.store (i32.const 8) (i32.const 64))
            (i32.store (i32.const 12) (i32.const 4))
            (drop (call $read (i32.load (i32.const 0)) (i32.const 8) (i32.const 1) (i32.const 16)))))
        """));
    assertTrue(e.getMessage().contains("would block forever during init"), e.getMessage());
  }

  @Test
  void aFutexWaitWithoutTimeoutIsADeadlock() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                run(
                    """
        (module
          (import "wasix_32v1" "futex_wait" (func $wait (param i32 i32 i32 i32) (result i32)))
          (memory 1)
          (func (export "wizex.initialize")
            (drop (call $wait (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 16)))))
        """));
    assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
  }

  @Test
  void pollWithNothingToWaitForFails() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                run(
                    """
        (module
          (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
          (import "wasix_32v1" "fd_event" (func $event (param i64 i32 i32) (result i32)))
          (memory 1)
          (func (export "wizex.initialize")
            (drop (call $event (i64.const 0) (i32.const 0) (i32.const 0)))
            (i32.store8 (i32.const 264) (i32.const 1))
            (i32.store (i32.const 272) (i32.load (i32.const 0)))
            (drop (call $poll (i32.const 256) (i32.const 512) (i32.const 1) (i32.const 16)))))
        """));
    assertTrue(e.getMessage().contains("would block forever"), e.getMessage());
  }

  /** A signature no ABI version defines links; only a call fails, naming both signatures. */
  @Test
  void aDeclaredTypeThatDiffersFromTheAbiFailsOnlyWhenCalled() {
    String module =
        """
        (module
          (import "wasix_32v1" "thread_id" (func $id (param i64) (result i32)))
          (memory 1)
          (func (export "wizex.initialize") %s))
        """;
    run(module.formatted(""));
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> run(module.formatted("(drop (call $id (i64.const 0)))")));
    assertEquals(
        "`wizex.initialize` trapped: init called `wasix_32v1.thread_id`, which cannot be"
            + " pre-initialized: the module declares it as (i64) -> (i32), but the ABI defines it"
            + " as (i32) -> (i32), so wisex cannot tell what the call means",
        e.getMessage());
  }

  /**
   * Thread-local keys are host state: one still alive when init ends cannot be carried by the
   * snapshot; destroyed, the run snapshots.
   */
  @Test
  void aThreadLocalKeyAliveAtTheEndOfInitFailsIt() {
    String module =
        """
        (module
          (import "wasix_32v1" "thread_local_create" (func $create (param i64 i32) (result i32)))
          (import "wasix_32v1" "thread_local_destroy" (func $destroy (param i32) (result i32)))
          (memory 1)
          (func (export "wizex.initialize")
            (drop (call $create (i64.const 0) (i32.const 16)))
            %s))
        """;
    run(module.formatted("(drop (call $destroy (i32.load (i32.const 16))))"));
    InitFailedException e =
        assertThrows(InitFailedException.class, () -> run(module.formatted("")));
    assertTrue(
        e.getMessage().startsWith("init ended with thread-local keys alive"), e.getMessage());
  }

  private static void run(String wat) {
    new Preinitializer(WasiRun.options().build()).preinitialize(Wat.assemble(wat));
  }
}
