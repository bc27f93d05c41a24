package dev.wisex.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import dev.wisex.parser.FunctionBody;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.testkit.Wat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scale: many functions, a real compiler-produced module, and a code section of tens of megabytes.
 */
class LargeModuleTest {
  private static final int FUNCTIONS = 20_000;

  @Test
  void twentyThousandGeneratedFunctions() {
    StringBuilder wat = new StringBuilder("(module (memory 1)\n");
    long expected = 0;
    for (int i = 0; i < FUNCTIONS; i++) {
      switch (i % 4) {
        case 0 -> { // 4: constants grow to multi-byte LEBs
          wat.append("(func (param i32) (result i32) local.get 0 i32.const ")
              .append(i * 997)
              .append(" i32.add)\n");
          expected += 4;
        }
        case 1 -> { // 8
          wat.append("(func (param i32) (result i32) block (result i32) i32.const ")
              .append(-i)
              .append(" local.get 0 br_if 0 end i32.const 1 i32.add)\n");
          expected += 8;
        }
        case 2 -> { // 5
          wat.append("(func (param i32) (result i64) local.get 0 i64.load offset=")
              .append(i)
              .append(" i64.const 1 i64.add)\n");
          expected += 5;
        }
        default -> { // 9
          wat.append(
                  "(func (param i32) (result i32) local.get 0 if (result i32) i32.const 1 else local.get 0 ")
              .append("i32.const ")
              .append(i)
              .append(" i32.mul end)\n");
          expected += 9;
        }
      }
    }
    wat.append(")");
    WasmModule module = ModuleParser.parse(Wat.assemble(wat.toString()));
    assertEquals(FUNCTIONS, module.bodies().size());

    CodeFeatures f = CodeScanner.scan(module);
    assertEquals(expected, f.instructionCount());
    assertEquals(Set.of(), Flags.of(f));
    assertEquals(0, f.maxMemoryIndex());
  }

  /**
   * wabt's own wat2wasm, compiled by clang: real code, counted independently by Chicory's parser.
   */
  @Test
  void realCompilerOutputMatchesAnIndependentDecoder() throws IOException {
    byte[] wasm = wat2wasmBinary();
    CodeFeatures f = CodeScanner.scan(ModuleParser.parse(wasm));

    long chicoryCount = 0;
    for (var body : Parser.parse(wasm).codeSection().functionBodies()) {
      chicoryCount += body.instructions().size();
    }
    assertTrue(chicoryCount > 100_000, "expected a large module, Chicory counted " + chicoryCount);
    assertEquals(chicoryCount, f.instructionCount());
    assertTrue(f.bulkMemory());
    assertEquals(0, f.maxMemoryIndex());
  }

  /**
   * Tens of megabytes of real code (wat2wasm's bodies repeated) decode to exactly the repeated
   * count. Throughput is printed, and only a pathological slowdown fails the test: timing on shared
   * CI machines is too noisy for a tight bound.
   */
  @Test
  void tensOfMegabytesOfCode() throws IOException {
    byte[] source = wat2wasmBinary();
    WasmModule original = ModuleParser.parse(source);
    int originalCount = CodeScanner.scan(original).instructionCount();
    int copies = 24;

    ByteArrayOutputStream code = new ByteArrayOutputStream();
    int functions = original.bodies().size() * copies;
    TestModules.leb(code, functions);
    for (int c = 0; c < copies; c++) {
      for (FunctionBody body : original.bodies()) {
        TestModules.leb(code, body.end() - body.start());
        code.write(source, body.start(), body.end() - body.start());
      }
    }
    ByteArrayOutputStream wasm = new ByteArrayOutputStream();
    wasm.writeBytes(
        new byte[] {
          0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00
        });
    ByteArrayOutputStream functionSection = new ByteArrayOutputStream();
    TestModules.leb(functionSection, functions);
    functionSection.writeBytes(new byte[functions]);
    wasm.write(0x03);
    TestModules.leb(wasm, functionSection.size());
    functionSection.writeTo(wasm);
    wasm.write(0x0A);
    TestModules.leb(wasm, code.size());
    code.writeTo(wasm);
    WasmModule big = ModuleParser.parse(wasm.toByteArray());

    // Speed is measured by the benchmarks, never asserted here; this checks that a large section
    // scans whole.
    CodeFeatures f = CodeScanner.scan(big);
    assertEquals(originalCount * copies, f.instructionCount());
  }

  private static byte[] wat2wasmBinary() throws IOException {
    // The wabt artifact carries wat2wasm's original .wasm at its root, next to the Java
    // translation.
    try (InputStream in = ClassLoader.getSystemClassLoader().getResourceAsStream("wat2wasm")) {
      assertNotNull(in, "wat2wasm.wasm not found in the wabt artifact");
      return in.readAllBytes();
    }
  }
}
