package dev.wisex.runtime.graal;

import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.ValType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What this backend must know about a module before GraalWasm sees it, read from the raw bytes:
 * signatures (to convert raw bits to the boxed values GraalWasm expects), imports (to name a
 * missing one), exports, memories and the start function.
 *
 * <p>It also prepares the bytes GraalWasm instantiates. A host function must receive its calling
 * instance's memory 0, but GraalWasm runs the start function inside {@code newInstance}, before the
 * embedder holds the instance. So the start section is removed and its function exported under a
 * reserved name, to be called once right after instantiation (the spec's order: segments first,
 * then start), and memory 0 is exported under a reserved name when the module does not export it
 * itself. Nothing else changes.
 *
 * <p>Malformed input is not diagnosed here: reading stops, and GraalWasm's own parser reports the
 * problem.
 */
final class ModuleInfo {
  /** The kinds of an import or export, numbered as in the binary format. */
  static final int FUNC = 0;

  static final int TABLE = 1;
  static final int MEMORY = 2;
  static final int GLOBAL = 3;
  static final int TAG = 4;

  private static final int TYPE_SECTION = 1;
  private static final int IMPORT_SECTION = 2;
  private static final int FUNCTION_SECTION = 3;
  private static final int MEMORY_SECTION = 5;
  private static final int GLOBAL_SECTION = 6;
  private static final int EXPORT_SECTION = 7;
  private static final int START_SECTION = 8;

  /** The most pages GraalWasm's default byte-array memory holds. */
  private static final long BYTE_ARRAY_MEMORY_PAGES = 32_767;

  /** One import: {@code typeIndex} is meaningful for functions only. */
  record Import(String module, String name, int kind, int typeIndex) {
    String qualifiedName() {
      return module + "." + name;
    }
  }

  /** One export: its kind and its index in that kind's index space. */
  record Export(int kind, int index) {}

  private final List<FuncType> types = new ArrayList<>();
  private boolean typesKnown = true;
  private final List<Import> imports = new ArrayList<>();
  private final List<Integer> functionTypes = new ArrayList<>();
  private final List<ValType> globalTypes = new ArrayList<>();
  private final Map<String, Export> exports = new HashMap<>();
  private int importedFunctions;
  private int memories;
  private boolean memory64;
  private boolean largeMemory;
  private int start = -1;
  private final byte[] prepared;
  private final String startExport;
  private final String memoryExport;

  private ModuleInfo(byte[] bytes) {
    List<int[]> sections = new ArrayList<>();
    try {
      readSections(bytes, sections);
    } catch (IndexOutOfBoundsException | IllegalStateException e) {
      // Malformed: hand the bytes to GraalWasm unchanged, so that its parser explains what is
      // wrong.
      this.prepared = bytes;
      this.startExport = null;
      this.memoryExport = memoryExportOf(0);
      return;
    }
    this.startExport = start >= 0 ? reserved("__wisex_graal_start") : null;
    String memory0 = memoryExportOf(0);
    boolean addMemoryExport = memory0 == null && memories > 0;
    this.memoryExport = addMemoryExport ? reserved("__wisex_graal_memory0") : memory0;
    List<byte[]> added = new ArrayList<>();
    if (startExport != null) {
      added.add(exportEntry(startExport, FUNC, start));
    }
    if (addMemoryExport) {
      added.add(exportEntry(memoryExport, MEMORY, 0));
    }
    this.prepared = added.isEmpty() ? bytes : rewrite(bytes, sections, added);
  }

  static ModuleInfo read(byte[] bytes) {
    return new ModuleInfo(bytes);
  }

  /** The bytes to hand to GraalWasm: no start section; start function and memory 0 exported. */
  byte[] prepared() {
    return prepared;
  }

  /** The reserved export that runs the start function, or {@code null} if the module has none. */
  String startExport() {
    return startExport;
  }

  /** An export of memory 0 (the module's own or a reserved one), or {@code null} without memory. */
  String memoryExport() {
    return memoryExport;
  }

  List<Import> imports() {
    return imports;
  }

  Export export(String name) {
    return exports.get(name);
  }

  boolean usesMemory64() {
    return memory64;
  }

  /** Whether a memory may grow past the 32,767 pages of GraalWasm's byte-array memory. */
  boolean mayExceedByteArrayMemory() {
    return largeMemory;
  }

  /** The signature of a type index, or {@code null} if the type section could not be read. */
  FuncType type(int typeIndex) {
    return typesKnown && typeIndex >= 0 && typeIndex < types.size() ? types.get(typeIndex) : null;
  }

  /** The signature of a function index, or {@code null} if unknown. */
  FuncType functionType(int functionIndex) {
    if (functionIndex < importedFunctions) {
      int seen = 0;
      for (Import i : imports) {
        if (i.kind() == FUNC && seen++ == functionIndex) {
          return type(i.typeIndex());
        }
      }
      return null;
    }
    int defined = functionIndex - importedFunctions;
    return defined < functionTypes.size() ? type(functionTypes.get(defined)) : null;
  }

  /** The value type of a global index, or {@code null} if unknown. */
  ValType globalType(int globalIndex) {
    return globalIndex >= 0 && globalIndex < globalTypes.size()
        ? globalTypes.get(globalIndex)
        : null;
  }

  private String memoryExportOf(int memoryIndex) {
    for (Map.Entry<String, Export> e : exports.entrySet()) {
      if (e.getValue().kind() == MEMORY && e.getValue().index() == memoryIndex) {
        return e.getKey();
      }
    }
    return null;
  }

  private String reserved(String base) {
    String name = base;
    for (int i = 2; exports.containsKey(name); i++) {
      name = base + "_" + i;
    }
    exports.put(name, new Export(-1, -1));
    return name;
  }

  // ---- reading ----

  private void readSections(byte[] bytes, List<int[]> sections) {
    Reader in = new Reader(bytes, 8, bytes.length);
    if (bytes.length < 8) {
      throw new IllegalStateException("too short");
    }
    while (in.position < bytes.length) {
      int sectionStart = in.position;
      int id = in.u8();
      int size = Math.toIntExact(in.u32());
      int contentStart = in.position;
      int end = Math.addExact(contentStart, size);
      if (end > bytes.length) {
        throw new IllegalStateException("section past the end");
      }
      sections.add(new int[] {id, sectionStart, end});
      Reader section = new Reader(bytes, contentStart, end);
      switch (id) {
        case TYPE_SECTION -> readTypes(section);
        case IMPORT_SECTION -> readImports(section);
        case FUNCTION_SECTION -> readFunctions(section);
        case MEMORY_SECTION -> readMemories(section);
        case GLOBAL_SECTION -> readGlobals(section);
        case EXPORT_SECTION -> readExports(section);
        case START_SECTION -> start = Math.toIntExact(section.u32());
        default -> {}
      }
      in.position = end;
    }
  }

  private void readTypes(Reader in) {
    long count = in.u32();
    for (long i = 0; i < count; i++) {
      if (in.u8() != 0x60) {
        // A GC type (struct, array, recursion group): signatures are not needed to run such
        // modules' calls with numeric arguments, and GraalWasm decides whether it runs them at all.
        typesKnown = false;
        return;
      }
      List<ValType> params = valTypes(in);
      List<ValType> results = valTypes(in);
      types.add(FuncType.of(params, results));
    }
  }

  private static List<ValType> valTypes(Reader in) {
    long count = in.u32();
    List<ValType> list = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      list.add(valType(in));
    }
    return list;
  }

  private static ValType valType(Reader in) {
    int code = in.u8();
    return switch (code) {
      case 0x7F -> ValType.I32;
      case 0x7E -> ValType.I64;
      case 0x7D -> ValType.F32;
      case 0x7C -> ValType.F64;
      case 0x7B -> ValType.V128;
      case 0x70 -> ValType.FUNCREF;
      case 0x6F -> ValType.EXTERNREF;
      case 0x63, 0x64 -> {
        long heapType = in.s33();
        // Abstract heap types are single negative bytes: extern is 0x6F (-17), noextern 0x72 (-14).
        yield heapType == -17 || heapType == -14 ? ValType.EXTERNREF : ValType.FUNCREF;
      }
      default -> ValType.EXTERNREF;
    };
  }

  private void readImports(Reader in) {
    long count = in.u32();
    for (long i = 0; i < count; i++) {
      String module = in.name();
      String name = in.name();
      int kind = in.u8();
      int typeIndex = -1;
      switch (kind) {
        case FUNC -> {
          typeIndex = Math.toIntExact(in.u32());
          importedFunctions++;
        }
        case TABLE -> {
          valType(in);
          limits(in);
        }
        case MEMORY -> {
          memoryLimits(in);
          memories++;
        }
        case GLOBAL -> {
          globalTypes.add(valType(in));
          in.u8();
        }
        case TAG -> {
          in.u8();
          in.u32();
        }
        default -> throw new IllegalStateException("import kind " + kind);
      }
      imports.add(new Import(module, name, kind, typeIndex));
    }
  }

  private void readFunctions(Reader in) {
    long count = in.u32();
    for (long i = 0; i < count; i++) {
      functionTypes.add(Math.toIntExact(in.u32()));
    }
  }

  private void readMemories(Reader in) {
    long count = in.u32();
    for (long i = 0; i < count; i++) {
      memoryLimits(in);
      memories++;
    }
  }

  /** A memory's limits: notes whether its maximum is above what a byte-array memory holds. */
  private void memoryLimits(Reader in) {
    int flags = in.u8();
    memory64 |= (flags & 0x04) != 0;
    in.u64();
    long maximum = (flags & 0x01) != 0 ? in.u64() : Long.MAX_VALUE;
    largeMemory |= Long.compareUnsigned(maximum, BYTE_ARRAY_MEMORY_PAGES) > 0;
  }

  private int limits(Reader in) {
    int flags = in.u8();
    memory64 |= (flags & 0x04) != 0;
    in.u64();
    if ((flags & 0x01) != 0) {
      in.u64();
    }
    return flags;
  }

  private void readGlobals(Reader in) {
    long count = in.u32();
    for (long i = 0; i < count; i++) {
      globalTypes.add(valType(in));
      in.u8();
      skipConstantExpression(in);
    }
  }

  /** Skips a constant expression up to and including its {@code end}. */
  private static void skipConstantExpression(Reader in) {
    while (true) {
      int op = in.u8();
      switch (op) {
        case 0x0B -> {
          return;
        }
        case 0x41, 0x42 -> in.s64();
        case 0x43 -> in.skip(4);
        case 0x44 -> in.skip(8);
        case 0x23, 0xD2 -> in.u32();
        case 0xD0 -> in.s33();
        case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> {}
        case 0xFD -> {
          if (in.u32() != 12) {
            throw new IllegalStateException("vector constant expression");
          }
          in.skip(16);
        }
        default -> throw new IllegalStateException("constant expression opcode " + op);
      }
    }
  }

  private void readExports(Reader in) {
    long count = in.u32();
    for (long i = 0; i < count; i++) {
      String name = in.name();
      int kind = in.u8();
      int index = Math.toIntExact(in.u32());
      exports.putIfAbsent(name, new Export(kind, index));
    }
  }

  // ---- writing ----

  private static byte[] exportEntry(String name, int kind, int index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    leb(out, utf8.length);
    out.writeBytes(utf8);
    out.write(kind);
    leb(out, index);
    return out.toByteArray();
  }

  // Section order of the binary format, custom sections (0) aside; the tag section (13) sits before
  // globals and the data count section (12) before code.
  private static int rank(int id) {
    return switch (id) {
      case 13 -> 55;
      case 12 -> 95;
      default -> id * 10;
    };
  }

  private static byte[] rewrite(byte[] bytes, List<int[]> sections, List<byte[]> added) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
    out.write(bytes, 0, 8);
    boolean written = false;
    for (int[] section : sections) {
      int id = section[0];
      int from = section[1];
      int to = section[2];
      if (id == START_SECTION) {
        continue;
      }
      if (!written && id == EXPORT_SECTION) {
        Reader in = new Reader(bytes, from, to);
        in.u8();
        in.u32();
        long count = in.u32();
        writeExportSection(out, count, bytes, in.position, to, added);
        written = true;
        continue;
      }
      if (!written && id != 0 && rank(id) > rank(EXPORT_SECTION)) {
        writeExportSection(out, 0, bytes, 0, 0, added);
        written = true;
      }
      out.write(bytes, from, to - from);
    }
    if (!written) {
      writeExportSection(out, 0, bytes, 0, 0, added);
    }
    return out.toByteArray();
  }

  private static void writeExportSection(
      ByteArrayOutputStream out,
      long count,
      byte[] bytes,
      int entriesFrom,
      int entriesTo,
      List<byte[]> added) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    leb(content, count + added.size());
    content.write(bytes, entriesFrom, entriesTo - entriesFrom);
    added.forEach(content::writeBytes);
    out.write(EXPORT_SECTION);
    leb(out, content.size());
    out.writeBytes(content.toByteArray());
  }

  private static void leb(ByteArrayOutputStream out, long value) {
    long v = value;
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v == 0 ? b : b | 0x80);
    } while (v != 0);
  }

  /** LEB128 and bytes within one range, failing with an index exception when the range runs out. */
  private static final class Reader {
    private final byte[] bytes;
    private final int end;
    private int position;

    Reader(byte[] bytes, int from, int end) {
      this.bytes = bytes;
      this.position = from;
      this.end = end;
    }

    int u8() {
      if (position >= end) {
        throw new IndexOutOfBoundsException(position);
      }
      return bytes[position++] & 0xFF;
    }

    void skip(int count) {
      if (count > end - position) {
        throw new IndexOutOfBoundsException(position + count);
      }
      position += count;
    }

    long u32() {
      long value = u64();
      if (value > 0xFFFF_FFFFL) {
        throw new IllegalStateException("u32 out of range");
      }
      return value;
    }

    long u64() {
      long result = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        int b = u8();
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalStateException("LEB128 too long");
    }

    long s64() {
      long result = 0;
      int shift = 0;
      int b;
      do {
        if (shift >= 70) {
          throw new IllegalStateException("LEB128 too long");
        }
        b = u8();
        result |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      if (shift < 64 && (b & 0x40) != 0) {
        result |= -1L << shift;
      }
      return result;
    }

    long s33() {
      return s64();
    }

    String name() {
      int length = Math.toIntExact(u32());
      int from = position;
      skip(length);
      return new String(bytes, from, length, StandardCharsets.UTF_8);
    }
  }
}
