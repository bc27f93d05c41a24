package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WasmFeatures;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wizer's {@code --wasm-relaxed-simd} and {@code --relaxed-simd-deterministic} on the CLI. */
class RelaxedSimdCliTest {
  /** Init stores an in-range relaxed swizzle: byte 5 of the first vector. */
  private static final String RELAXED =
      "(module (memory 1) (func (export \"wizex.initialize\") (v128.store (i32.const 0)"
          + " (i8x16.relaxed_swizzle (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)"
          + " (v128.const i8x16 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 200)))))";

  @TempDir Path dir;

  @Test
  void helpListsBothWithTheLibrarysDefaults() {
    String help = Cli.run("--help").stdout();
    WasmFeatures defaults = WasmFeatures.defaults();

    assertTrue(
        help.contains(
            "--wasm-relaxed-simd[=BOOL]      Allow relaxed SIMD (default: "
                + defaults.relaxedSimd()),
        help);
    assertTrue(help.contains("--relaxed-simd-deterministic[=BOOL]"), help);
    assertTrue(
        help.contains("instructions (default: " + defaults.relaxedSimdDeterministic() + ")"), help);
  }

  @Test
  void relaxedSimdWithoutSimdIsAUsageError() {
    Cli.Result r = Cli.run("--wasm-simd=false", "--wasm-relaxed-simd", "in.wasm");

    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("--wasm-relaxed-simd needs --wasm-simd"), r::toString);
  }

  @Test
  void switchingSimdOffSwitchesRelaxedSimdOffToo() throws IOException {
    Path in = Files.write(dir.resolve("in.wasm"), Wat.assemble(RELAXED));

    Cli.Result r = Cli.run("--wasm-simd=false", in.toString(), "-o", dir.resolve("o").toString());

    assertEquals(ExitCodes.FAILURE, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("--wasm-simd=true"), r::toString);
  }

  @Test
  void aModuleUsingRelaxedSimdIsRejectedNamingTheFlag() throws IOException {
    Path in = Files.write(dir.resolve("in.wasm"), Wat.assemble(RELAXED));
    Path out = dir.resolve("out.wasm");

    Cli.Result r = Cli.run("--wasm-relaxed-simd=false", in.toString(), "-o", out.toString());

    assertEquals(ExitCodes.FAILURE, r.exitCode(), r::toString);
    assertTrue(
        r.stderr().contains("relaxed SIMD") && r.stderr().contains("--wasm-relaxed-simd=true"),
        r::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void bothFlagsAreAcceptedAsWizerSpellsThem() throws IOException {
    Path in = Files.write(dir.resolve("in.wasm"), Wat.assemble(RELAXED));
    Path out = dir.resolve("out.wasm");

    Cli.Result r =
        Cli.run(
            "--wasm-relaxed-simd",
            "--relaxed-simd-deterministic=true",
            in.toString(),
            "-o",
            out.toString());

    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertTrue(Files.size(out) > 0);
  }
}
