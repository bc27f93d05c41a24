package dev.wisex.runtime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.BackendUnusableException;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.testkit.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the conformance kit does not reach: the Node process's end and its interruption, the off
 * switch, and that reads of guest memory are never served stale across guest code that wrote it.
 */
class NodeRuntimeTest {
  private static final NodeRuntime RUNTIME = new NodeRuntime();

  /**
   * Stores its argument at 64 and calls {@code env.peek} with 64, so the host reads what it wrote.
   */
  private static final String STORE_AND_PEEK =
      "(module (import \"env\" \"peek\" (func $peek (param i32)))"
          + " (memory (export \"memory\") 1)"
          + " (func (export \"store\") (param i32) (i32.store (i32.const 64) (local.get 0))"
          + "  (call $peek (i32.const 64)))"
          + " (func (export \"spin\") (loop $l (br $l))))";

  @TempDir Path dir;

  @AfterEach
  void nodeAsConfigured() {
    System.clearProperty("wisex.node");
  }

  @Test
  void readsAreNeverStaleAcrossGuestCode() {
    List<Integer> peeked = new ArrayList<>();
    HostFunction peek =
        new HostFunction(
            "env",
            "peek",
            FuncType.of(List.of(ValType.I32), List.of()),
            (memory, args) -> {
              byte[] word = new byte[4];
              memory.read(args[0], word, 0, 4);
              peeked.add(word[0] & 0xFF);
              return null;
            });
    try (WasmInstance instance =
        RUNTIME.instantiate(
            Wat.assemble(STORE_AND_PEEK),
            new HostImports(List.of(peek)),
            InstanceConfig.defaults())) {
      GuestMemory memory = instance.memory("memory");
      byte[] word = new byte[4];
      memory.read(64, word, 0, 4); // now held by this side
      assertEquals(0, word[0]);
      instance.call("store", 7);
      instance.call("store", 9);
      memory.read(64, word, 0, 4);
      assertEquals(9, word[0]);
      memory.write(64, new byte[] {11}, 0, 1);
      memory.read(64, word, 0, 4);
      assertEquals(11, word[0]);
      assertEquals(List.of(7, 9), peeked);
    }
  }

  @Test
  void anInterruptEndsTheNodeProcessAndSaysSo() throws Exception {
    HostImports imports =
        new HostImports(
            List.of(
                new HostFunction(
                    "env", "peek", FuncType.of(List.of(ValType.I32), List.of()), (m, a) -> null)));
    WasmInstance instance =
        RUNTIME.instantiate(Wat.assemble(STORE_AND_PEEK), imports, InstanceConfig.defaults());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                instance.call("spin");
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.start();
    Thread.sleep(300);
    caller.interrupt();
    caller.join(5_000);
    assertFalse(caller.isAlive(), "the call ended");
    assertTrue(thrown.get() instanceof InitFailedException, String.valueOf(thrown.get()));
    assertEquals("execution was interrupted", thrown.get().getMessage());
    InitFailedException after =
        assertThrows(InitFailedException.class, () -> instance.call("spin"));
    assertTrue(after.getMessage().startsWith("Node.js ended"), after.getMessage());
  }

  @Test
  void aNodeThatEndsBeforeInstantiatingIsUnusableAndSaysWhy() throws Exception {
    Path node = dir.resolve("node");
    Files.writeString(
        node, "#!/bin/sh\necho 'wisex needs Node.js 20 or later; this is v18.20.0' >&2\nexit 3\n");
    Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwx------"));
    System.setProperty("wisex.node", node.toString());

    BackendUnusableException e =
        assertThrows(
            BackendUnusableException.class,
            () ->
                RUNTIME.instantiate(
                    Wat.assemble("(module)"), HostImports.none(), InstanceConfig.defaults()));
    assertEquals(
        "runtime `node` cannot run here: Node.js ended with exit code 3: wisex needs Node.js 20 or"
            + " later; this is v18.20.0",
        e.getMessage());
    assertEquals("node", e.runtime());
  }

  @Test
  void offTurnsTheBackendOffAndAMissingFileIsNamed() {
    System.setProperty("wisex.node", "off");
    assertEquals("WISEX_NODE=off turns it off", RUNTIME.availability().reason());
    System.setProperty("wisex.node", dir.resolve("absent").toString());
    assertEquals(
        "WISEX_NODE names `" + dir.resolve("absent") + "`, which is not an executable file",
        RUNTIME.availability().reason());
  }

  @Test
  void floatsAndVectorsCrossInEveryBitAfterWrappersWereAdded() {
    // A module that exports a function named like a wrapper: the wrapper takes another name.
    String wat =
        "(module (func (export \"__wisex_node_call_f\") (result i32) (i32.const 5))"
            + " (func (export \"f\") (param f32) (result f32) (local.get 0)))";
    try (WasmInstance instance =
        RUNTIME.instantiate(Wat.assemble(wat), HostImports.none(), InstanceConfig.defaults())) {
      assertArrayEquals(new long[] {0x7F80_0001L}, instance.call("f", 0x7F80_0001L));
      assertArrayEquals(new long[] {5}, instance.call("__wisex_node_call_f"));
    }
  }
}
