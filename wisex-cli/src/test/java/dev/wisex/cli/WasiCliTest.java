package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WASI from the command line: stdio routing, determinism, and the calls init may not make. */
class WasiCliTest {
  @TempDir Path dir;

  private Path write(String name, byte[] module) throws Exception {
    return Files.write(dir.resolve(name), module);
  }

  @Test
  void guestStdoutGoesToStdoutWhenTheOutputIsAFile() throws Exception {
    Path in = write("hello.wasm", Wat.assemble(Samples.wat("wasi_hello.wat")));
    Path out = dir.resolve("out.wasm");

    Cli.Result r = Cli.run("--allow-wasi", in.toString(), "-o", out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("hello from init\n", r.stdout());
    assertTrue(Samples.startsWithMagic(Files.readAllBytes(out)));
  }

  @Test
  void guestStdoutGoesToStderrWhenTheOutputIsStdout() throws Exception {
    Path in = write("hello.wasm", Wat.assemble(Samples.wat("wasi_hello.wat")));

    Cli.Result r = Cli.run("--allow-wasi", in.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(Samples.startsWithMagic(r.stdoutBytes()), r::toString);
    assertTrue(r.stderr().contains("hello from init"), r::toString);
  }

  @Test
  void guestStdoutGoesToStderrWhenTheReportIsStdout() throws Exception {
    Path in = write("hello.wasm", Wat.assemble(Samples.wat("wasi_hello.wat")));
    Path out = dir.resolve("out.wasm");

    Cli.Result r = Cli.run("--allow-wasi", in.toString(), "-o", out.toString(), "--report", "-");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().startsWith("{") && r.stdout().strip().endsWith("}"), r::toString);
    assertFalse(r.stdout().contains("hello from init"), r::toString);
    assertTrue(r.stderr().contains("hello from init"), r::toString);
  }

  @Test
  void guestStdoutIsNotPrintedWithoutInheritedStdio() throws Exception {
    Path in = write("hello.wasm", Wat.assemble(Samples.wat("wasi_hello.wat")));
    Path out = dir.resolve("out.wasm");

    Cli.Result r =
        Cli.run("--allow-wasi", "--inherit-stdio=false", in.toString(), "-o", out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.stdout());
    assertFalse(r.stderr().contains("hello from init"), r::toString);
  }

  @Test
  void mapdirAndEnvReachInitAndTheHostStaysUnchanged() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("input.txt"), "from the host dir");
    Path in = write("read.wasm", Wat.assemble(Samples.wat("wasi_read_file.wat")));
    Path out = dir.resolve("out.wasm");

    Cli.Result r =
        Cli.run(
            "--allow-wasi",
            "--mapdir",
            "/data::" + data,
            "--env",
            "GREETING=hi there",
            in.toString(),
            "-o",
            out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    byte[] module = Files.readAllBytes(out);
    assertTrue(Samples.containsName(module, "from the host dir"), r::toString);
    assertTrue(Samples.containsName(module, "GREETING=hi there"), r::toString);
    try (var files = Files.list(data)) {
      assertEquals(1, files.count(), "nothing was written to the host");
    }
  }

  @Test
  void dirPreopensUnderItsOwnName() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("input.txt"), "via --dir");
    Path in = write("read.wasm", Wat.assemble(Samples.wat("wasi_read_file.wat")));

    Cli.Result r = Cli.run("--allow-wasi", "--dir", data.toString(), in.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(Samples.containsName(r.stdoutBytes(), "via --dir"), r::toString);
  }

  @Test
  void twoRunsGiveIdenticalBytes() throws Exception {
    String wat =
        """
        (module
          (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "wizex.initialize")
            (drop (call $random (i32.const 0) (i32.const 64)))
            (drop (call $clock (i32.const 0) (i64.const 1) (i32.const 64)))))
        """;
    Path in = write("det.wasm", Wat.assemble(wat));

    Cli.Result a = Cli.run("--allow-wasi", "--seed", "5", in.toString());
    Cli.Result b = Cli.run("--allow-wasi", "--seed", "5", in.toString());
    Cli.Result c = Cli.run("--allow-wasi", "--seed", "6", in.toString());

    assertEquals(0, a.exitCode(), a::toString);
    assertArrayEquals(a.stdoutBytes(), b.stdoutBytes());
    assertFalse(java.util.Arrays.equals(a.stdoutBytes(), c.stdoutBytes()));
  }

  @Test
  void clockEpochMovesTheWallClock() throws Exception {
    String wat =
        """
        (module
          (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "wizex.initialize")
            (drop (call $clock (i32.const 0) (i64.const 1) (i32.const 64)))))
        """;
    Path in = write("epoch.wasm", Wat.assemble(wat));

    Cli.Result a = Cli.run("--allow-wasi", "--clock-epoch", "1700000000", in.toString());
    Cli.Result b = Cli.run("--allow-wasi", "--clock-epoch", "1700000000", in.toString());
    Cli.Result c = Cli.run("--allow-wasi", "--clock-epoch", "1700000001", in.toString());

    assertEquals(0, a.exitCode(), a::toString);
    // 1700000000 s in nanoseconds, little-endian, lands in the output's data; its two low bytes
    // are 0, which a data segment may leave out, so only the other six are looked for.
    byte[] nanos =
        java.nio.ByteBuffer.allocate(8)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .putLong(1_700_000_000L * 1_000_000_000L)
            .array();
    assertTrue(
        dev.wisex.testkit.Bytes.contains(
            a.stdoutBytes(), java.util.Arrays.copyOfRange(nanos, 2, 8)),
        a::toString);
    assertArrayEquals(a.stdoutBytes(), b.stdoutBytes());
    assertFalse(java.util.Arrays.equals(a.stdoutBytes(), c.stdoutBytes()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "wasix_32v1|sock_accept|(param i32 i32 i32 i32) (result i32)|sockets reach the network",
        "wasix_32v1|proc_raise|(param i32) (result i32)|raising a signal",
        "wasix_32v1|proc_fork|(param i32 i32) (result i32)|forking creates a second process",
        "wasix_32v1|thread_spawn_v2|(param i32 i32) (result i32)|init runs on one thread",
        "wasix_32v1|resolve|(param i32 i32 i32 i32 i32 i32) (result i32)|resolving host names",
        "wasix_32v1|port_bridge|(param i32 i32 i32 i32 i32) (result i32)|network interfaces",
        "wasix_32v1|dlopen|(param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)|dynamically loaded modules",
        "wasix_32v1|context_switch|(param i64) (result i32)|execution contexts",
        "wasix_32v1|stack_checkpoint|(param i32 i32) (result i32)|stack checkpoints",
        "wasix_32v1|no_such_call|(param i32) (result i32)|wisex does not know this function",
      })
  void refusedCallsFailInitWithTheirReason(
      String namespace, String name, String type, String reason) throws Exception {
    String args = type.contains("i64") ? "(i64.const 0)" : "";
    int params = type.split("i32", -1).length - 1 - (type.contains("(result i32)") ? 1 : 0);
    args += " (i32.const 0)".repeat(params);
    String wat =
        "(module (import \""
            + namespace
            + "\" \""
            + name
            + "\" (func $f "
            + type
            + "))"
            + " (memory 1) (func (export \"wizex.initialize\") (drop (call $f "
            + args
            + "))))";
    Path in = write("refused.wasm", Wat.assemble(wat));
    Path out = dir.resolve("out.wasm");

    Cli.Result r = Cli.run("--allow-wasix", in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    String expected =
        "init called `" + namespace + "." + name + "`, which cannot be pre-initialized: " + reason;
    assertTrue(r.stderr().contains(expected), r::toString);
    assertEquals(1, r.stderr().strip().lines().count(), r::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void preinitializesAModuleImportingPreview1AndWasix32OnChicory() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("input.txt"), "read through a dup'd fd");
    Path in = write("both.wasm", Wat.assemble(Samples.wat("wasi_and_wasix.wat")));
    Path out = dir.resolve("out.wasm");

    Cli.Result r =
        Cli.run(
            "--allow-wasix",
            "--runtime",
            "chicory",
            "--mapdir",
            "/data::" + data,
            in.toString(),
            "-o",
            out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    byte[] module = Files.readAllBytes(out);
    assertTrue(Samples.containsName(module, "read through a dup'd fd"), r::toString);
    assertTrue(Samples.containsName(module, "wasi_snapshot_preview1"), "imports are kept");
    assertTrue(Samples.containsName(module, "wasix_32v1"), "imports are kept");
  }

  /** The C reactor of wisex-rewriter's CModuleTest (scripts/build-c-samples.sh copies it here). */
  @Test
  void preinitializesTheCModuleReadingAMappedFile() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("words.txt"), "one\ntwo three\n");
    byte[] original;
    try (var stream = WasiCliTest.class.getResourceAsStream("/c/read_mapped.wasm")) {
      original = stream.readAllBytes();
    }
    Path in = write("read_mapped.wasm", original);
    Path out = dir.resolve("out.wasm");

    Cli.Result r =
        Cli.run("--allow-wasix", "--mapdir", "/data::" + data, in.toString(), "-o", out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    byte[] module = Files.readAllBytes(out);
    assertTrue(
        Samples.containsName(module, "one\ntwo three\n"), "the file's bytes are in the snapshot");
    assertFalse(Samples.containsName(module, "wizex.initialize"), "the init export is gone");
    assertFalse(
        Samples.containsName(module, "_initialize"), "the reactor constructor export is gone");
    try (var files = Files.list(data)) {
      assertEquals(
          List.of(data.resolve("words.txt")), files.toList(), "nothing written to the host");
    }
    assertEquals("one\ntwo three\n", Files.readString(data.resolve("words.txt")));
  }

  @Test
  void wasix64RunsOnABackendWithMemory64WhenNoneIsNamed() throws Exception {
    Path in = write("w64.wasm", Wat.assemble(Samples.wat("wasix64_hello.wat")));
    Path out = dir.resolve("out.wasm");

    Cli.Result r = Cli.run("--allow-wasix", "-v", in.toString(), "-o", out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("hello 64\n", r.stdout());
    assertTrue(Samples.startsWithMagic(Files.readAllBytes(out)));
  }

  @Test
  void wasix64OnChicoryFailsBecauseChicoryLacksMemory64() throws Exception {
    Path in = write("w64.wasm", Wat.assemble(Samples.wat("wasix64_hello.wat")));

    Cli.Result r =
        Cli.run(
            "--allow-wasix",
            "--runtime",
            "chicory",
            in.toString(),
            "-o",
            dir.resolve("out.wasm").toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(
        r.stderr().contains("runtime `chicory` cannot run this module: it lacks [MEMORY64]"),
        r::toString);
    assertTrue(r.stderr().contains("--runtime graal"), r::toString);
  }
}
