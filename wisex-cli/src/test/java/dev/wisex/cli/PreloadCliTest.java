package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --preload NAME=FILE} from the command line, as Wizer spells it. */
class PreloadCliTest {
  @TempDir Path dir;

  @Test
  void initCallsThePreloadedModule() throws Exception {
    Path lib =
        Files.write(
            dir.resolve("lib.wasm"),
            Wat.assemble("(module (func (export \"answer\") (result i32) (i32.const 42)))"));
    Path in =
        Files.write(
            dir.resolve("in.wasm"),
            Wat.assemble(
                "(module (import \"lib\" \"answer\" (func $a (result i32)))"
                    + " (global $g (mut i32) (i32.const 0))"
                    + " (func (export \"wizex.initialize\") (global.set $g (call $a)))"
                    + " (func (export \"g\") (result i32) (global.get $g)))"));
    Path out = dir.resolve("out.wasm");
    Path report = dir.resolve("report.json");

    Cli.Result r =
        Cli.run(
            "--preload",
            "lib=" + lib,
            "--report",
            report.toString(),
            in.toString(),
            "-o",
            out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(Files.readString(report).contains("\"lib.answer\": 1"));
  }

  @Test
  void aMissingPreloadFileExitsOne() throws Exception {
    Path in =
        Files.write(
            dir.resolve("in.wasm"),
            Wat.assemble(
                "(module (import \"lib\" \"f\" (func)) (func (export \"wizex.initialize\")))"));
    Path out = dir.resolve("out.wasm");

    Cli.Result r =
        Cli.run(
            "--preload", "lib=" + dir.resolve("nope.wasm"), in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(
        r.stderr().startsWith("error: cannot read the module preloaded as `lib`"), r::toString);
    assertFalse(Files.exists(out));
  }
}
