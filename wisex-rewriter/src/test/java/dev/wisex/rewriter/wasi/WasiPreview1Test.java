package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.StdioStreams;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.rewriter.wasi.WasiRun.Memory;
import dev.wisex.testkit.Wat;
import dev.wisex.wasix.config.WasixConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * WASI preview1 calls made during init, each checked differentially and on the snapshot's memory.
 */
class WasiPreview1Test {
  @Test
  void argsAndEnvironmentReachInit() {
    WisexOptions options =
        WasiRun.options().programName("app.wasm").env("B", "2").env("A", "x=y").build();
    Memory m = WasiRun.check(WasiRun.wat("args_env"), options, "argc");
    for (int i = 0; i < 4; i++) {
      assertEquals(0, m.errno(i), "errno " + i);
    }
    // No arguments, as Wizer 11.0.3 gives init none (WASIX's namespaces pass the program name).
    assertEquals(0, m.i32(0), "argc");
    assertEquals(0, m.i32(4), "argv's bytes");
    assertEquals(2, m.i32(8));
    assertEquals("B=2\0A=x=y\0".length(), m.i32(12));
    assertEquals("B=2\0A=x=y\0", m.string(16384, 10));
    assertEquals(16388, m.i32(8196));
  }

  @Test
  void inheritedEnvironmentComesFirstSortedThenExplicitVariables() {
    WisexOptions options = WasiRun.options().inheritEnv(true).env("WISEX_TEST_ONLY", "1").build();
    Memory m = WasiRun.check(WasiRun.wat("args_env"), options);
    java.util.Map<String, String> host = new java.util.TreeMap<>(System.getenv());
    host.remove("WISEX_TEST_ONLY");
    assertEquals(host.size() + 1, m.i32(8));
    if (!host.isEmpty()) {
      java.util.Map.Entry<String, String> first = host.entrySet().iterator().next();
      String expected = first.getKey() + "=" + first.getValue();
      assertEquals(
          expected, m.string(m.i32(8192), expected.getBytes(StandardCharsets.UTF_8).length));
    }
  }

  @Test
  void noArgumentsAndNoEnvironmentByDefault() {
    Memory m = WasiRun.check(WasiRun.wat("args_env"), WasiRun.options().build());
    assertEquals(0, m.i32(0), "argc");
    assertEquals(0, m.i32(8), "no environment by default");
  }

  @Test
  void clocksAreFixedAndAdvanceOnlyByReadsAndSleeps() {
    Memory m = WasiRun.check(WasiRun.wat("clock_random"), WasiRun.options().build(), "realtime");
    for (int i = 0; i < 7; i++) {
      assertEquals(0, m.errno(i), "errno " + i);
    }
    assertEquals(28, m.errno(7), "unknown clock id is EINVAL");
    assertEquals(WasixConfig.FIXED_EPOCH_NANOS, m.i64(0));
    assertEquals(
        WasixConfig.MONOTONIC_START_NANOS + WasixConfig.CLOCK_TICK_NANOS,
        m.i64(8),
        "after one read");
    assertEquals(1, m.i64(16));
    assertEquals(1, m.i32(64), "one event");
    assertEquals(7, m.i64(128), "the clock subscription's userdata");
    long slept = m.i64(24) - m.i64(8);
    // Plus a tick for each clock read in between (poll_oneoff's own included).
    assertTrue(
        slept > 1_500_000_000L && slept < 1_500_000_000L + 10 * WasixConfig.CLOCK_TICK_NANOS,
        "the poll timeout advanced the monotonic clock: " + slept);
  }

  @Test
  void randomBytesAreTheSeededSplitMix64Stream() {
    Memory seed0 = WasiRun.check(WasiRun.wat("clock_random"), WasiRun.options().build());
    Memory seed0Again = WasiRun.check(WasiRun.wat("clock_random"), WasiRun.options().build());
    Memory seed7 = WasiRun.check(WasiRun.wat("clock_random"), WasiRun.options().seed(7).build());
    byte[] first = Arrays.copyOfRange(seed0.bytes(), 32, 48);
    assertArrayEquals(first, Arrays.copyOfRange(seed0Again.bytes(), 32, 48));
    assertFalse(Arrays.equals(first, Arrays.copyOfRange(seed7.bytes(), 32, 48)));
    // SplitMix64 with seed 0: the first output is 0xE220A8397B1DCDAF, emitted little-endian.
    assertEquals(0xE220A8397B1DCDAFL, seed0.i64(32));
  }

  @Test
  void sameInputAndFlagsGiveIdenticalOutputBytes() {
    byte[] module = WasiRun.wat("clock_random");
    WisexOptions options = WasiRun.options().build();
    byte[] a = new Preinitializer(options).preinitialize(module).module();
    byte[] b = new Preinitializer(options).preinitialize(module).module();
    assertArrayEquals(a, b);
  }

  @Test
  void fdWriteGoesToTheGivenStreams() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    WisexOptions options =
        WasiRun.options().inheritStdio(true).stdio(new StdioStreams(null, out, err)).build();
    new Preinitializer(options).preinitialize(WasiRun.wat("stdout"));
    assertEquals("hello from init\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("to stderr\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void fdWriteIsCapturedWithoutInheritedStdio() {
    Memory m = WasiRun.check(WasiRun.wat("stdout"), WasiRun.options().build());
    assertEquals(0, m.errno(0));
    assertEquals(16, m.i32(0));
    assertEquals(10, m.i32(4));
    assertEquals(8, m.errno(2), "EBADF for an fd that is not open");
  }

  @Test
  void exitZeroEndsInitSuccessfullyOnlyWhenAllowed() {
    byte[] module = exit(0);
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () -> new Preinitializer(WasiRun.options().build()).preinitialize(module));
    assertTrue(
        e.getMessage().contains("exited with code 0; pass allowExitZero(true)"), e.getMessage());

    Memory m =
        WasiRun.check(module, WasiRun.options().allowExitZero(true).build(), "marker", "after");
    assertEquals(42, m.i32(0), "the state at exit is snapshotted");
  }

  @Test
  void nonZeroExitFailsInitNamingTheCode() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                new Preinitializer(WasiRun.options().allowExitZero(true).build())
                    .preinitialize(exit(3)));
    assertEquals("`wizex.initialize` exited with code 3", e.getMessage());
  }

  @Test
  void withoutAllowWasiACallSuggestsTheFlag() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                new Preinitializer(WasiRun.options().allowWasi(false).build())
                    .preinitialize(WasiRun.wat("stdout")));
    assertTrue(e.getMessage().contains("`wasi_snapshot_preview1.fd_write`"), e.getMessage());
    assertTrue(e.getMessage().contains("pass allowWasi(true) to provide it"), e.getMessage());
  }

  private static byte[] exit(int code) {
    String text =
        new String(WasiRunText.read("exit"), StandardCharsets.UTF_8)
            .replace("CODE", Integer.toString(code));
    return Wat.assemble(text);
  }
}
