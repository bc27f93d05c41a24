package dev.wisex.parser;

import dev.wisex.api.MalformedModuleException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a WebAssembly binary (2.0 plus multi-memory, memory64, threads, exceptions) into a {@link
 * WasmModule}. Checks the structure wisex relies on — magic, version, section order and sizes,
 * LEB128 encodings, counts that must agree — and leaves full validation to the engine that
 * instantiates the module.
 */
public final class ModuleParser {
  private static final int MAGIC = 0x6D736100; // "\0asm" little-endian
  private static final int VERSION = 1;

  private ModuleParser() {}

  /**
   * Parses a module; throws {@link MalformedModuleException} naming the fault and its byte offset.
   */
  public static WasmModule parse(byte[] bytes) {
    return new Run(bytes).parse();
  }

  /** One parse: the state of reading one module. */
  private static final class Run {
    private final byte[] bytes;
    private final List<Section> sections = new ArrayList<>();
    private final List<FunctionType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private int[] functionTypes = new int[0];
    private final List<TableType> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private int start = -1;
    private int dataCount = -1;
    private final List<DataSegment> data = new ArrayList<>();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<Integer> tags = new ArrayList<>();
    private final Set<String> exportNames = new HashSet<>();
    private final List<FunctionBody> bodies = new ArrayList<>();
    private boolean sawFunctionSection;
    private boolean sawCodeSection;

    Run(byte[] bytes) {
      this.bytes = bytes;
    }

    WasmModule parse() {
      ByteReader in = new ByteReader(bytes);
      readHeader(in);
      int lastOrder = 0;
      while (!in.atEnd()) {
        int sectionStart = in.position();
        int id = in.u8("section id");
        int size = in.u32Length("section size");
        int contentStart = in.position();
        if (size > in.remaining()) {
          throw new MalformedModuleException(
              Section.nameOf(id)
                  + " section at offset "
                  + sectionStart
                  + " declares "
                  + size
                  + " bytes but only "
                  + in.remaining()
                  + " remain (truncated input?)");
        }
        int end = contentStart + size;
        int order = Section.orderOf(id);
        if (id != Section.CUSTOM) {
          if (order < 0) {
            throw new MalformedModuleException(
                "unknown section id " + id + " at offset " + sectionStart);
          }
          if (order <= lastOrder) {
            throw new MalformedModuleException(
                Section.nameOf(id)
                    + " section at offset "
                    + sectionStart
                    + " is out of order or repeated");
          }
          lastOrder = order;
        }
        ByteReader content = new ByteReader(bytes, contentStart, end);
        String customName = null;
        if (id == Section.CUSTOM) {
          customName = content.name("custom section name");
        } else {
          readSection(id, content);
          if (!content.atEnd()) {
            throw new MalformedModuleException(
                Section.nameOf(id)
                    + " section at offset "
                    + sectionStart
                    + " declares "
                    + size
                    + " bytes but its contents end at offset "
                    + content.position()
                    + " (section size mismatch)");
          }
        }
        sections.add(new Section(id, sectionStart, contentStart, end, customName));
        in.skip(size, "section contents");
      }
      checkCounts();
      checkIndices();
      return new WasmModule(
          bytes,
          sections,
          types,
          imports,
          functionTypes,
          tables,
          memories,
          globals,
          exports,
          start,
          dataCount,
          data,
          bodies,
          elements,
          tags);
    }

    private void readHeader(ByteReader in) {
      if (bytes.length < 8) {
        throw new MalformedModuleException(
            "not a WebAssembly module: "
                + bytes.length
                + " bytes is shorter than the 8-byte header");
      }
      int magic = littleEndian32(0);
      if (magic != MAGIC) {
        throw new MalformedModuleException(
            "not a WebAssembly module: bad magic number at offset 0");
      }
      int version = littleEndian32(4);
      if (version != VERSION) {
        throw new MalformedModuleException(
            "unsupported WebAssembly binary version "
                + version
                + " at offset 4"
                + (version == 0x1000d ? " (this is a component, not a core module)" : ""));
      }
      in.skip(8, "header");
    }

    private int littleEndian32(int at) {
      return (bytes[at] & 0xFF)
          | (bytes[at + 1] & 0xFF) << 8
          | (bytes[at + 2] & 0xFF) << 16
          | (bytes[at + 3] & 0xFF) << 24;
    }

    private void readSection(int id, ByteReader in) {
      switch (id) {
        case Section.TYPE -> readTypes(in);
        case Section.IMPORT -> readImports(in);
        case Section.FUNCTION -> readFunctions(in);
        case Section.TABLE -> readVector(in, "table", () -> tables.add(TableType.read(in)));
        case Section.MEMORY -> readVector(in, "memory", () -> memories.add(MemoryType.read(in)));
        case Section.GLOBAL -> readVector(in, "global", () -> globals.add(readGlobal(in)));
        case Section.EXPORT -> readExports(in);
        case Section.START -> start = in.u32Length("start function index");
        case Section.ELEMENT ->
            readVector(in, "element segment", () -> elements.add(ElementSegment.read(in, bytes)));
        case Section.TAG ->
            readVector(
                in,
                "tag",
                () -> {
                  int at = in.position();
                  if (in.u8("tag attribute") != 0) {
                    throw new MalformedModuleException("invalid tag attribute at offset " + at);
                  }
                  tags.add(in.u32Length("tag type index"));
                });
        case Section.DATA_COUNT -> dataCount = in.u32Length("data count");
        case Section.CODE -> readCode(in);
        case Section.DATA -> readVector(in, "data segment", () -> data.add(readDataSegment(in)));
        default -> throw new IllegalStateException("unreachable section id " + id);
      }
    }

    private void readVector(ByteReader in, String what, Runnable element) {
      int count = in.u32Length(what + " count");
      if (count > in.remaining()) {
        throw in.error(what + " count " + count + " exceeds the section's remaining bytes");
      }
      for (int i = 0; i < count; i++) {
        if ((i & 0xFFF) == 0) {
          Interruption.check();
        }
        element.run();
      }
    }

    private void readTypes(ByteReader in) {
      readVector(
          in,
          "type",
          () -> {
            int at = in.position();
            int form = in.u8("type form");
            if (form != 0x60) {
              throw new MalformedModuleException(
                  "unsupported type form 0x"
                      + Integer.toHexString(form)
                      + " at offset "
                      + at
                      + " (only function types are supported; GC types are not)");
            }
            List<ValueType> params = readValueTypes(in, "parameter");
            List<ValueType> results = readValueTypes(in, "result");
            types.add(new FunctionType(params, results));
          });
    }

    private List<ValueType> readValueTypes(ByteReader in, String what) {
      List<ValueType> list = new ArrayList<>();
      readVector(in, what, () -> list.add(ValueType.read(in, what + " type")));
      return list;
    }

    private void readImports(ByteReader in) {
      readVector(
          in,
          "import",
          () -> {
            String module = in.name("import module name");
            String name = in.name("import field name");
            ExternalKind kind = ExternalKind.read(in, "import kind");
            switch (kind) {
              case FUNCTION ->
                  imports.add(
                      new Import(
                          module, name, kind, in.u32Length("import type index"), null, null, null));
              case TABLE ->
                  imports.add(new Import(module, name, kind, -1, TableType.read(in), null, null));
              case MEMORY ->
                  imports.add(new Import(module, name, kind, -1, null, MemoryType.read(in), null));
              case GLOBAL ->
                  imports.add(new Import(module, name, kind, -1, null, null, GlobalType.read(in)));
              case TAG -> {
                in.u8("tag attribute");
                imports.add(
                    new Import(
                        module, name, kind, in.u32Length("tag type index"), null, null, null));
              }
            }
          });
    }

    private void readFunctions(ByteReader in) {
      sawFunctionSection = true;
      int count = in.u32Length("function count");
      if (count > in.remaining()) {
        throw in.error("function count " + count + " exceeds the section's remaining bytes");
      }
      functionTypes = new int[count];
      for (int i = 0; i < count; i++) {
        functionTypes[i] = in.u32Length("function type index");
      }
    }

    private Global readGlobal(ByteReader in) {
      GlobalType type = GlobalType.read(in);
      return new Global(type, ConstExpr.read(in, bytes, "global initializer"));
    }

    private void readExports(ByteReader in) {
      readVector(
          in,
          "export",
          () -> {
            int at = in.position();
            String name = in.name("export name");
            ExternalKind kind = ExternalKind.read(in, "export kind");
            int index = in.u32Length("export index");
            // A set, not a scan of the list: 100,000 exports took minutes (issue 18).
            if (!exportNames.add(name)) {
              throw new MalformedModuleException(
                  "duplicate export name `" + name + "` at offset " + at);
            }
            exports.add(new Export(name, kind, index));
          });
    }

    private void readCode(ByteReader in) {
      sawCodeSection = true;
      readVector(
          in,
          "function body",
          () -> {
            int size = in.u32Length("function body size");
            int bodyStart = in.position();
            in.skip(size, "function body");
            bodies.add(new FunctionBody(bodyStart, bodyStart + size));
          });
    }

    private DataSegment readDataSegment(ByteReader in) {
      int at = in.position();
      int flags = in.u32("data segment flags");
      boolean active;
      int memory = 0;
      byte[] offset = new byte[0];
      switch (flags) {
        case 0 -> {
          active = true;
          offset = ConstExpr.read(in, bytes, "data segment offset");
        }
        case 1 -> active = false;
        case 2 -> {
          active = true;
          memory = in.u32Length("data segment memory index");
          offset = ConstExpr.read(in, bytes, "data segment offset");
        }
        default ->
            throw new MalformedModuleException(
                "invalid data segment flags "
                    + Integer.toUnsignedString(flags)
                    + " at offset "
                    + at);
      }
      int length = in.u32Length("data segment length");
      int payload = in.position();
      in.skip(length, "data segment payload");
      return new DataSegment(active, memory, offset, payload, length);
    }

    /**
     * Every index the rest of wisex follows must point into its index space, so no later stage can
     * fail with anything but a message about the module.
     */
    private void checkIndices() {
      int functions = functionTypes.length,
          tables = this.tables.size(),
          memories = this.memories.size();
      int globals = this.globals.size(), tagCount = tags.size();
      for (Import imp : imports) {
        switch (imp.kind()) {
          case FUNCTION -> {
            checkIndex(
                "type",
                imp.functionTypeIndex(),
                types.size(),
                "import `" + imp.qualifiedName() + "`");
            functions++;
          }
          case TABLE -> tables++;
          case MEMORY -> memories++;
          case GLOBAL -> globals++;
          case TAG -> {
            checkIndex(
                "type",
                imp.functionTypeIndex(),
                types.size(),
                "import `" + imp.qualifiedName() + "`");
            tagCount++;
          }
        }
      }
      for (int i = 0; i < functionTypes.length; i++) {
        checkIndex("type", functionTypes[i], types.size(), "function " + i);
      }
      for (int tag : tags) {
        checkIndex("type", tag, types.size(), "a tag");
      }
      for (Export e : exports) {
        int limit =
            switch (e.kind()) {
              case FUNCTION -> functions;
              case TABLE -> tables;
              case MEMORY -> memories;
              case GLOBAL -> globals;
              case TAG -> tagCount;
            };
        checkIndex(e.kind().word(), e.index(), limit, "export `" + e.name() + "`");
      }
      if (start >= 0) {
        checkIndex("function", start, functions, "the start section");
      }
      for (int i = 0; i < data.size(); i++) {
        if (data.get(i).active()) {
          checkIndex("memory", data.get(i).memoryIndex(), memories, "data segment " + i);
        }
      }
      for (int i = 0; i < elements.size(); i++) {
        if (elements.get(i).mode() == ElementSegment.Mode.ACTIVE) {
          checkIndex("table", elements.get(i).tableIndex(), tables, "element segment " + i);
        }
      }
    }

    private static void checkIndex(String space, int index, int size, String where) {
      if (index < 0 || index >= size) {
        throw new MalformedModuleException(
            where
                + " refers to "
                + space
                + " "
                + Integer.toUnsignedString(index)
                + ", but the module has "
                + size
                + " "
                + space
                + (size == 1 ? "" : "s"));
      }
    }

    private void checkCounts() {
      if (functionTypes.length != bodies.size() && (sawFunctionSection || sawCodeSection)) {
        throw new MalformedModuleException(
            "function and code section have inconsistent lengths: "
                + functionTypes.length
                + " functions, "
                + bodies.size()
                + " bodies");
      }
      if (dataCount >= 0 && dataCount != data.size()) {
        throw new MalformedModuleException(
            "data count section says "
                + dataCount
                + " segments but the data section has "
                + data.size());
      }
    }
  }
}
