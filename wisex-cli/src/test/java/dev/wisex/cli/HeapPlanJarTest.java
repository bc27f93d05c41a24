package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a run that cannot fit the JVM's heap says so in one line, with the heap it needs and
 * the limit to raise, before the allocation that would fail; and snapshot planning needs heap
 * bounded by the segment cap, not by the number of non-zero runs. Runs the CLI jar in a child JVM
 * with a small {@code -Xmx}.
 */
class HeapPlanJarTest {
  @TempDir Path dir;

  private record Run(int exitCode, String stderr) {}

  private Run wisex(String heap, byte[] module, Path out, String... flags) throws Exception {
    Path in = Files.write(dir.resolve("in.wasm"), module);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-Xmx" + heap));
    // The Java heap's plan for the JVM backends, whose memories live in it (V8's live in Node).
    command.add("-Dwisex.node=off");
    if (Runtime.version().feature() >= 24) {
      // As ./wisex does: GraalWasm's Truffle warns about sun.misc.Unsafe on stderr otherwise.
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-jar");
    command.add(System.getProperty("wisex.jar"));
    command.addAll(List.of(flags));
    command.addAll(List.of(in.toString(), "-o", out.toString()));
    Path stderr = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "wisex did not finish within 120 s");
    return new Run(p.exitValue(), Files.readString(stderr));
  }

  private static void assertOneLineNaming(Run r, String... parts) {
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(1, r.stderr().strip().lines().count(), r::toString);
    assertFalse(r.stderr().contains("internal error"), r::toString);
    assertFalse(r.stderr().contains("ran out of memory"), "planned, not caught: " + r);
    for (String part : parts) {
      assertTrue(r.stderr().contains(part), () -> "no `" + part + "` in " + r);
    }
  }

  /**
   * GraalWasm answers a grow of a byte-array memory past the Java heap with -1, which the snapshot
   * would bake in (exit 0, g = -1, before): the grow's guard fails init naming the heap instead.
   */
  @Test
  void aGrowTheEngineCannotAllocateFailsInitNamingTheHeap() throws Exception {
    byte[] module =
        Wat.assemble(
            "(module (memory 1 8192) (global $g (export \"g\") (mut i32) (i32.const 0))"
                + " (func (export \"wizex.initialize\")"
                + " (global.set $g (memory.grow (i32.const 8191)))))");
    Path out = dir.resolve("out.wasm");

    Run r = wisex("128m", module, out, "--runtime", "graal");

    assertOneLineNaming(r, "could not grow memory 0", "-Xmx", "--max-memory");
    assertFalse(Files.exists(out), r::toString);
  }

  /**
   * With no backend named, a memory Chicory would keep in too small a heap runs on a backend that
   * keeps it off the heap, as init that outgrows an engine moves to one that holds more (found by a
   * sweep of the library: the default refused, naming the backend that would have run it).
   */
  @Test
  void aMemoryTooLargeForTheHeapRunsWhereItIsKeptOffTheHeapUnlessABackendIsNamed()
      throws Exception {
    byte[] module =
        Wat.assemble(
            "(module (memory (export \"memory\") 4096) (func (export \"wizex.initialize\")"
                + " (i32.store (i32.const 268435000) (i32.const 7))))");
    Path out = dir.resolve("out.wasm");

    Run chosen = wisex("128m", module, out);
    assertEquals(0, chosen.exitCode(), chosen::toString);
    assertTrue(Files.size(out) > 8, chosen::toString);

    Path named = dir.resolve("named.wasm");
    Run r = wisex("128m", module, named, "--runtime", "chicory");
    assertOneLineNaming(r, "init needs at least", "-Xmx", "--runtime graal");
    assertFalse(Files.exists(named));
  }

  @Test
  void memoriesLargerThanTheHeapFailBeforeInit() throws Exception {
    byte[] module =
        Wat.assemble(
            "(module (memory 4096 4096) (memory 4096 4096) (func (export \"wizex.initialize\")))");
    Path out = dir.resolve("out.wasm");

    Run r = wisex("256m", module, out, "--wasm-multi-memory");

    // 2 x 256 MiB on Chicory's heap, plus the module and the slack: at least 561 MiB.
    assertOneLineNaming(
        r, "init needs at least 561 MiB", "its 2 memories", "-Xmx768m", "WISEX_JAVA_OPTS");
    assertFalse(Files.exists(out));
  }

  @Test
  void anOutputLargerThanTheFreeHeapFailsBeforeItIsWritten() throws Exception {
    // init fills a 128 MiB memory, so the output carries 128 MiB of data (and 62 bytes more) next
    // to the memory.
    byte[] module =
        Wat.assemble(
            "(module (memory 2048 2048) (func (export \"wizex.initialize\")"
                + " (memory.fill (i32.const 0) (i32.const 1) (i32.const 0x8000000))))");
    Path out = dir.resolve("out.wasm");

    Run r = wisex("256m", module, out);

    assertOneLineNaming(
        r, "writing the output module (134", "needs 129 MiB of Java heap", "-Xmx", "WISEX_JAVA");
    assertFalse(Files.exists(out));
  }

  /**
   * A 64 MiB memory with every 8th byte set has 8 million non-zero runs: holding them all took more
   * than 256 MiB; now the memory, the output and the cap's 10,000 segments fit.
   */
  @Test
  void everyEighthByteSetFitsASmallHeap() throws Exception {
    int size = 64 << 20;
    byte[] module =
        Wat.assemble(
            "(module (memory 1024 1024) (func (export \"wizex.initialize\") (local $i i32)"
                + " (loop $l (i32.store8 (local.get $i) (i32.const 0x5a))"
                + " (local.set $i (i32.add (local.get $i) (i32.const 8)))"
                + " (br_if $l (i32.lt_u (local.get $i) (i32.const "
                + size
                + "))))))");
    Path out = dir.resolve("out.wasm");

    Run r = wisex("256m", module, out);

    assertEquals(0, r.exitCode(), r::toString);
    byte[] expected = new byte[size];
    for (int i = 0; i < size; i += 8) {
      expected[i] = 0x5a;
    }
    DataImage image = DataImage.of(Files.readAllBytes(out), size);
    assertArrayEquals(expected, image.memory());
    assertEquals(10_000, image.segments(), "Wizer's cap on data segments");
  }

  /**
   * Memory 0 as the output's active data segments leave it, decoded by hand from the binary format
   * (independent of wisex's parser).
   */
  private record DataImage(byte[] memory, int segments) {
    static DataImage of(byte[] wasm, int size) {
      byte[] memory = new byte[size];
      int[] at = {8};
      while (at[0] < wasm.length) {
        int id = wasm[at[0]++];
        int length = (int) leb(wasm, at);
        int end = at[0] + length;
        if (id == 11) {
          int count = (int) leb(wasm, at);
          for (int s = 0; s < count; s++) {
            int flags = (int) leb(wasm, at);
            assertEquals(0, flags, "an active segment of memory 0");
            assertEquals(0x41, wasm[at[0]++], "i32.const");
            int offset = (int) signedLeb(wasm, at);
            assertEquals(0x0b, wasm[at[0]++], "end");
            int bytes = (int) leb(wasm, at);
            System.arraycopy(wasm, at[0], memory, offset, bytes);
            at[0] += bytes;
          }
          return new DataImage(memory, count);
        }
        at[0] = end;
      }
      return new DataImage(memory, 0);
    }

    private static long leb(byte[] b, int[] at) {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        int x = b[at[0]++];
        value |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return value;
        }
      }
    }

    private static long signedLeb(byte[] b, int[] at) {
      long value = 0;
      int shift = 0;
      int x;
      do {
        x = b[at[0]++];
        value |= (long) (x & 0x7f) << shift;
        shift += 7;
      } while ((x & 0x80) != 0);
      return shift < 64 && (x & 0x40) != 0 ? value | (-1L << shift) : value;
    }

    @Override
    public String toString() {
      return segments + " segments";
    }
  }
}
