package dev.wisex.wasix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.wisex.runtime.spi.FuncType;
import dev.wisex.wasix.abi.PointerWidth;
import dev.wisex.wasix.abi.Signature;
import dev.wisex.wasix.table.Entry;
import dev.wisex.wasix.table.Preview1Table;
import dev.wisex.wasix.table.Table;
import dev.wisex.wasix.table.WasixTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tables against the ABI lists (copies of {@code wasix-abi/} in the test resources): every
 * 32-bit signature as listed, and every {@code wasix_64v1} signature derived from the C types the
 * list names for each parameter, independently of how the tables spell {@code ptr}/{@code size}.
 */
class AbiListTest {
  /**
   * Where wasmer, which defines {@code wasix_64v1}, keeps a {@code __wasi_size_t} parameter at i32:
   * {@code epoll_wait}'s {@code maxevents} (index 2) is a plain {@code i32} there.
   */
  private static final Map<String, Integer> WASMER_KEEPS_I32 = Map.of("epoll_wait", 2);

  /** C parameter types that are as wide as a pointer besides pointers themselves. */
  private static final Set<String> POINTER_SIZED =
      Set.of("size_t", "__wasi_size_t", "__wasi_pointersize_t");

  private record Line(String namespace, String name, String signature, String cTypes) {}

  @Test
  void preview1MatchesTheList() {
    List<Line> lines = lines("wasi_snapshot_preview1_imports.txt");
    Table table = Preview1Table.create();
    assertEquals(lines.size(), table.entries().size());
    for (Line line : lines) {
      assertEquals(Signature.parse(line.signature()), signature(table, line.name()), line.name());
    }
  }

  @Test
  void wasix32MatchesBothLists() {
    List<Line> lines = new ArrayList<>(lines("wasi_snapshot_preview1_imports.txt"));
    lines.addAll(lines("wasix_imports_wasix_32v1.txt"));
    Table table = WasixTable.create();
    assertEquals(lines.size(), table.entries().size());
    for (Line line : lines) {
      assertEquals(Signature.parse(line.signature()), signature(table, line.name()), line.name());
    }
  }

  @Test
  void wasix64WidensExactlyThePointersAndSizes() {
    List<Line> lines = new ArrayList<>(lines("wasi_snapshot_preview1_imports.txt"));
    lines.addAll(lines("wasix_imports_wasix_32v1.txt"));
    Table table = WasixTable.create(PointerWidth.P64);
    assertEquals("wasix_64v1", table.namespace());
    assertEquals(lines.size(), table.entries().size());
    for (Line line : lines) {
      assertEquals(Signature.parse(widened(line)), signature(table, line.name()), line.name());
    }
  }

  @Test
  void wasix64SpotChecksAgainstWasmer() {
    Table table = WasixTable.create(PointerWidth.P64);
    assertEquals(Signature.parse("(i32, i64, i64, i64) -> (i32)"), signature(table, "fd_write"));
    assertEquals(Signature.parse("(i32, i64, i64) -> (i32)"), signature(table, "clock_time_get"));
    assertEquals(Signature.parse("(i32, i64) -> (i32)"), signature(table, "fd_prestat_get"));
    assertEquals(
        Signature.parse("(i32, i32, i64, i64, i32, i64, i64, i32, i64) -> (i32)"),
        signature(table, "path_open"));
    assertEquals(Signature.parse("(i64, i32, i64) -> (i32)"), signature(table, "fd_event"));
    assertEquals(Signature.parse("(i64, i64) -> (i32)"), signature(table, "getcwd"));
    assertEquals(
        Signature.parse("(i32, i64, i32, i64, i64) -> (i32)"), signature(table, "epoll_wait"));
  }

  private static FuncType signature(Table table, String name) {
    Entry entry = table.entry(name).orElse(null);
    assertNotNull(entry, () -> table.namespace() + " lacks " + name);
    return entry.signature();
  }

  /**
   * The 64-bit signature from the list's C types: a pointer, a {@code size_t}-like type and both
   * halves of a string ({@code const char *} is passed as pointer and length) become i64.
   */
  private static String widened(Line line) {
    String[] params = params(line.signature());
    List<String> out = new ArrayList<>();
    int i = 0;
    for (String c : line.cTypes().split(";")) {
      String type = c.strip().replaceAll("\\s*[A-Za-z_0-9]+$", "").strip();
      if (c.isBlank() || c.strip().equals("void")) {
        continue;
      }
      if (type.startsWith("const char *")) {
        out.add("i64");
        out.add("i64");
        i += 2;
      } else if (Integer.valueOf(i).equals(WASMER_KEEPS_I32.get(line.name()))) {
        out.add(params[i++]);
      } else if (type.contains("*") || POINTER_SIZED.contains(type)) {
        out.add("i64");
        i++;
      } else {
        out.add(params[i++]);
      }
    }
    assertEquals(params.length, i, line.name());
    return "(" + String.join(", ", out) + ") ->" + line.signature().split("->")[1];
  }

  private static String[] params(String signature) {
    String inner = signature.substring(signature.indexOf('(') + 1, signature.indexOf(')')).strip();
    return inner.isEmpty() ? new String[0] : inner.split("\\s*,\\s*");
  }

  private static List<Line> lines(String resource) {
    List<Line> lines = new ArrayList<>();
    try (InputStream in = AbiListTest.class.getResourceAsStream("/abi/" + resource);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    java.util.Objects.requireNonNull(in, resource), StandardCharsets.UTF_8))) {
      String raw;
      while ((raw = reader.readLine()) != null) {
        if (raw.isBlank()) {
          continue;
        }
        String[] headAndTypes = raw.split("//", 2);
        String head = headAndTypes[0];
        int colon = head.indexOf(':');
        String qualified = head.substring(0, colon).strip();
        int dot = qualified.indexOf('.');
        lines.add(
            new Line(
                qualified.substring(0, dot),
                qualified.substring(dot + 1),
                head.substring(colon + 1).strip(),
                headAndTypes.length > 1 ? headAndTypes[1] : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
