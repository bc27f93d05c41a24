package dev.wisex.rewriter.instrument;

import dev.wisex.parser.ByteWriter;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Section;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.write.ModuleAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Functions a pass adds after every existing one, so no function index moves, each with a type
 * entry of its own after the existing types: what a pass that replaces an instruction with a call
 * needs ({@link ConformancePass}, {@link RelaxedSimdPass}).
 */
final class AppendedFunctions {
  private final WasmModule module;
  private final List<byte[]> types = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();

  AppendedFunctions(WasmModule module) {
    this.module = module;
  }

  /**
   * Appends a function and returns its index.
   *
   * @param type its function type's encoding ({@code 0x60}, parameters, results)
   * @param body its locals and code, without the size prefix
   */
  int add(byte[] type, byte[] body) {
    types.add(type);
    bodies.add(body);
    return module.importCount(ExternalKind.FUNCTION)
        + module.functionTypes().length
        + bodies.size()
        - 1;
  }

  /** The index the next appended function will get. */
  int nextIndex() {
    return module.importCount(ExternalKind.FUNCTION)
        + module.functionTypes().length
        + bodies.size();
  }

  /** The index of the type entry of appended function {@code function}, its own. */
  int typeIndex(int function) {
    return module.types().size()
        + function
        - module.importCount(ExternalKind.FUNCTION)
        - module.functionTypes().length;
  }

  /** The appended bodies, for {@link CodeEditor#codeSection}. */
  List<byte[]> bodies() {
    return List.copyOf(bodies);
  }

  /** Puts the new type and function sections into {@code contents}; nothing if none was added. */
  void putSections(Map<Integer, byte[]> contents) {
    if (bodies.isEmpty()) {
      return;
    }
    ByteWriter typeEntries = new ByteWriter(64);
    ByteWriter functionEntries = new ByteWriter(16);
    int firstType = module.types().size();
    for (int i = 0; i < types.size(); i++) {
      typeEntries.bytes(types.get(i));
      functionEntries.u32(firstType + i);
    }
    contents.put(
        Section.TYPE,
        ModuleAssembler.appendToVector(
            module, Section.TYPE, types.size(), typeEntries.toByteArray()));
    contents.put(
        Section.FUNCTION,
        ModuleAssembler.appendToVector(
            module, Section.FUNCTION, bodies.size(), functionEntries.toByteArray()));
  }
}
