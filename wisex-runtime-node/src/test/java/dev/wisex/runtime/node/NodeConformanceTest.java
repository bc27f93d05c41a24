package dev.wisex.runtime.node;

import dev.wisex.api.ExecutionMode;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import dev.wisex.testkit.conformance.WasmRuntimeContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SPI conformance kit, run on V8 in Node.js. V8 picks its own tiers, so every execution mode
 * runs the same way; the kit runs in one.
 */
class NodeConformanceTest implements WasmRuntimeContract {
  private static final WasmRuntime RUNTIME = new NodeRuntime();

  @Override
  public WasmRuntime runtime() {
    return RUNTIME;
  }

  @Override
  public List<ExecutionMode> modes() {
    return List.of(ExecutionMode.AUTO);
  }

  /**
   * A signalling {@code f64} NaN handed to a host function and back crosses JavaScript as a number:
   * Node 20's V8 keeps its bits, Node 22's quietens it (a limit README "Node.js backend" states).
   * Run where the V8 at hand keeps them, which a plain Node script tells, without wisex's code.
   */
  @Override
  @ParameterizedTest
  @MethodSource("executionModes")
  public void severalResultsAndWideValuesCrossWithTheirBits(ExecutionMode mode) {
    Assumptions.assumeTrue(V8.KEEPS_F64_NAN_BITS, "this V8 quietens a NaN crossing JavaScript");
    WasmRuntimeContract.super.severalResultsAndWideValuesCrossWithTheirBits(mode);
  }

  private static final class V8 {
    static final boolean KEEPS_F64_NAN_BITS = probe();

    /** Passes 0x7FF0000000000001 through a JavaScript import and back in plain Node. */
    private static boolean probe() {
      try {
        Path wasm = Files.createTempFile("nan-probe", ".wasm");
        Files.write(
            wasm,
            Wat.assemble(
                "(module (import \"e\" \"f\" (func $f (param f64) (result f64)))"
                    + " (func (export \"g\") (param i64) (result i64)"
                    + " (i64.reinterpret_f64 (call $f (f64.reinterpret_i64 (local.get 0))))))"));
        String script =
            "const m = new WebAssembly.Instance(new WebAssembly.Module(require('fs').readFileSync("
                + "process.argv[1])), {e: {f: x => x}});"
                + "process.stdout.write(String(m.exports.g(0x7ff0000000000001n) ==="
                + " 0x7ff0000000000001n));";
        Process p =
            new ProcessBuilder(
                    NodeBinary.find().orElseThrow().toString(), "-e", script, wasm.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Files.delete(wasm);
        return out.strip().equals("true");
      } catch (Exception e) {
        throw new IllegalStateException("the NaN probe failed", e);
      }
    }
  }
}
