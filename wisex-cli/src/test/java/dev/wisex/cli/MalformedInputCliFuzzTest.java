package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Mutations;
import dev.wisex.testkit.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input through the whole command, init included: mutated and truncated modules, many of
 * which still parse and then run mutated code. Bounded by {@code --fuel} and {@code --timeout},
 * every run must end with exit 0 and an output, or exit 1 with one {@code error:} line that is not
 * an internal error, and no output file. {@code -Dwisex.fuzz.cli=N} runs more variants.
 */
class MalformedInputCliFuzzTest {
  private static final int VARIANTS = Integer.getInteger("wisex.fuzz.cli", 1_000);

  private static final List<String> EXTRA =
      List.of(
          "(module (memory 1) (global $g (mut i32) (i32.const 0))"
              + " (func (export \"wizex.initialize\") (local i32)"
              + " (loop $l (i32.store (local.get 0) (local.get 0))"
              + " (local.set 0 (i32.add (local.get 0) (i32.const 4)))"
              + " (br_if $l (i32.lt_u (local.get 0) (i32.const 4096))))"
              + " (global.set $g (memory.grow (i32.const 3)))))",
          "(module (func $f (param i32) (result i32) (if (result i32) (local.get 0)"
              + " (then (call $f (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 7))))"
              + " (global $g (mut i32) (i32.const 0)) (memory 1) (data (i32.const 8) \"wisex\")"
              + " (func (export \"wizex.initialize\") (global.set $g (call $f (i32.const 50)))))");

  @TempDir Path dir;

  private static List<byte[]> corpus() throws Exception {
    List<byte[]> modules = new ArrayList<>();
    for (String name : List.of("counter.wat", "wasi_hello.wat", "wasi_read_file.wat")) {
      modules.add(Wat.assemble(Samples.wat(name)));
    }
    for (String wat : EXTRA) {
      modules.add(Wat.assemble(wat));
    }
    return modules;
  }

  @Test
  void everyVariantEndsInAnOutputOrOneCleanError() throws Exception {
    List<byte[]> corpus = corpus();
    SplittableRandom random = new SplittableRandom(777);
    Path in = dir.resolve("in.wasm");
    Path out = dir.resolve("out.wasm");
    int succeeded = 0;
    for (int i = 0; i < VARIANTS; i++) {
      byte[] variant = Mutations.mutate(corpus.get(random.nextInt(corpus.size())), random);
      Files.write(in, variant);
      Files.deleteIfExists(out);
      Cli.Result r =
          Cli.run(
              "--allow-wasi",
              "--inherit-stdio=false",
              "--fuel",
              "1000000",
              "--timeout",
              "20s",
              "--max-memory",
              "64MiB",
              in.toString(),
              "-o",
              out.toString());
      String context = "variant " + i + " (" + HexFormat.of().formatHex(variant) + ")\n" + r;
      if (r.exitCode() == 0) {
        succeeded++;
        assertTrue(Files.size(out) > 8, context);
        continue;
      }
      assertEquals(1, r.exitCode(), context);
      assertFalse(Files.exists(out), context);
      String[] lines = r.stderr().strip().split("\\R");
      assertEquals(1, lines.length, context);
      assertTrue(lines[0].startsWith("error: "), context);
      assertFalse(lines[0].startsWith("error: internal error"), context);
    }
    // The mutations must leave some variants runnable, or init would never be exercised.
    assertTrue(succeeded >= VARIANTS / 100, "only " + succeeded + " variants succeeded");
  }
}
