package dev.wisex.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.parser.write.DataSectionWriter;
import dev.wisex.parser.write.ModuleAssembler;
import dev.wisex.parser.write.SectionEncoder;
import dev.wisex.testkit.WasmValidator;
import dev.wisex.testkit.Wat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parse then write with no changes must give back the input, byte for byte. */
class RoundTripTest {
  private static byte[] wat(String name) {
    return Wat.resource(RoundTripTest.class, "/wat/roundtrip/" + name + ".wat");
  }

  @ParameterizedTest
  @ValueSource(strings = {"everything", "memory64_shared", "simd", "empty", "elements"})
  void writesUnchangedModuleBackIdentically(String name) {
    byte[] input = wat(name);
    WasmModule module = ModuleParser.parse(input);
    assertArrayEquals(input, ModuleAssembler.assemble(module, Map.of(), Set.of()));
  }

  @Test
  void reEncodesReplacedSectionsEquivalently() {
    byte[] input = wat("everything");
    WasmModule module = ModuleParser.parse(input);
    byte[] rewritten =
        ModuleAssembler.assemble(
            module,
            Map.of(
                Section.MEMORY, SectionEncoder.memories(module.memories()),
                Section.GLOBAL, SectionEncoder.globals(module.globals()),
                Section.EXPORT, SectionEncoder.exports(module.exports())),
            Set.of());
    assertArrayEquals(input, rewritten);
  }

  @Test
  void decodesWhatTheRewriteNeeds() {
    WasmModule m = ModuleParser.parse(wat("everything"));
    assertEquals(1, m.importCount(ExternalKind.FUNCTION));
    assertEquals(3, m.functionTypes().length);
    assertEquals(new MemoryType(1, 4, false, false, 16), m.memories().get(0));
    assertEquals(2, m.globals().size());
    assertTrue(m.globals().get(0).type().mutable());
    assertEquals(1, m.start());
    assertEquals(2, m.data().size());
    assertTrue(m.data().get(0).active());
    assertEquals("hello", new String(m.bytes(), m.data().get(0).payloadOffset(), 5));
    assertEquals(2, m.dataCount());
    assertEquals(3, m.bodies().size());
  }

  @Test
  void decodesElementSegments() {
    WasmModule m = ModuleParser.parse(wat("elements"));
    var modes = m.elements().stream().map(ElementSegment::mode).toList();
    assertEquals(
        java.util.List.of(
            ElementSegment.Mode.ACTIVE,
            ElementSegment.Mode.PASSIVE,
            ElementSegment.Mode.DECLARATIVE,
            ElementSegment.Mode.ACTIVE,
            ElementSegment.Mode.PASSIVE),
        modes);
    assertEquals(2, m.elements().get(0).items());
    assertArrayEquals(ConstExpr.i32(2), m.elements().get(3).offsetExpr());
    assertEquals(ValueType.EXTERNREF, m.elements().get(4).elementType());
  }

  @Test
  void decodesMemory64AndSharedFlags() {
    WasmModule m = ModuleParser.parse(wat("memory64_shared"));
    assertEquals(new MemoryType(1, 100, false, true, 16), m.memories().get(0));
    assertEquals(new MemoryType(1, 2, true, false, 16), m.memories().get(1));
    assertEquals(1, m.data().size());
    assertArrayEquals(ConstExpr.i64(65536), m.data().get(0).offsetExpr());
  }

  @Test
  void appendsToVectorSections() {
    WasmModule m = ModuleParser.parse(wat("everything"));
    byte[] extra =
        new ByteWriter().name("extra").u8(ExternalKind.GLOBAL.code()).u32(0).toByteArray();
    byte[] out =
        ModuleAssembler.assemble(
            m,
            Map.of(Section.EXPORT, ModuleAssembler.appendToVector(m, Section.EXPORT, 1, extra)),
            Set.of());
    WasmModule again = ModuleParser.parse(out);
    assertEquals(m.exports().size() + 1, again.exports().size());
    assertEquals(
        new Export("extra", ExternalKind.GLOBAL, 0),
        again.exports().get(again.exports().size() - 1));
  }

  @Test
  void insertsMissingSectionInCanonicalOrder() {
    byte[] input = wat("empty");
    WasmModule m = ModuleParser.parse(input);
    byte[] out =
        ModuleAssembler.assemble(
            m,
            Map.of(
                Section.DATA,
                    new DataSectionWriter()
                        .active(0, ConstExpr.i32(0), new byte[] {1}, 0, 1)
                        .toContent(),
                Section.MEMORY,
                    SectionEncoder.memories(
                        java.util.List.of(new MemoryType(1, -1, false, false, 16)))),
            Set.of());
    WasmModule again = ModuleParser.parse(out);
    assertEquals(Section.MEMORY, again.sections().get(0).id());
    assertEquals(Section.DATA, again.sections().get(1).id());
  }

  @Test
  void insertsNewSectionsBeforeTrailingCustomSections() {
    WasmModule m =
        ModuleParser.parse(
            Wat.assembleWithDebugNames(
                "(module (memory 1) (func $init (export \"init\") (i32.store8 (i32.const 0)"
                    + " (i32.const 1))))"));
    assertEquals(Section.CUSTOM, m.sections().get(m.sections().size() - 1).id(), "name last");
    byte[] out =
        ModuleAssembler.assemble(
            m,
            Map.of(
                Section.DATA,
                new DataSectionWriter()
                    .active(0, ConstExpr.i32(0), new byte[] {1}, 0, 1)
                    .toContent()),
            Set.of());
    var ids = ModuleParser.parse(out).sections().stream().map(Section::id).toList();
    assertEquals(List.of(Section.DATA, Section.CUSTOM), ids.subList(ids.size() - 2, ids.size()));
    WasmValidator.validate(out);
    byte[] data =
        Arrays.copyOfRange(out, m.sections().get(m.sections().size() - 2).end(), out.length);
    byte[] dataAfterName = Arrays.copyOf(m.bytes(), m.bytes().length + data.length);
    System.arraycopy(data, 0, dataAfterName, m.bytes().length, data.length);
    AssertionError refused =
        assertThrows(AssertionError.class, () -> WasmValidator.validate(dataAfterName));
    assertTrue(refused.getMessage().contains("after the name section"), refused.getMessage());
    assertThrows(
        AssertionError.class,
        () -> WasmValidator.validate(Arrays.copyOf(out, out.length - 1)),
        "wabt reads the binary");
  }
}
