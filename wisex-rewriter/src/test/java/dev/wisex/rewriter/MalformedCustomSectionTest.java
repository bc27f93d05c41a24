package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.Differential.Call;
import dev.wisex.testkit.Bytes;
import dev.wisex.testkit.Wat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec says an error in a custom section must not invalidate a module: a malformed {@code name}
 * section is pre-initialized like any other module on every backend, and the output keeps the
 * section byte for byte.
 */
class MalformedCustomSectionTest {
  /** Bodies of a {@code name} custom section after its name, each malformed in its own way. */
  static Stream<Arguments> malformedNameSections() {
    List<Differential> backends = Differential.everyBackend();
    List<Arguments> cases =
        List.of(
            // function names (subsection 1): one entry, function 0, name bytes FF FE (not UTF-8)
            Arguments.of("bad UTF-8", new byte[] {1, 5, 1, 0, 2, (byte) 0xFF, (byte) 0xFE}),
            // a subsection that declares 16 bytes where 2 remain
            Arguments.of("truncated", new byte[] {1, 16, 1, 0}),
            // a count with no entries behind it, then a stray byte
            Arguments.of("count past the end", new byte[] {1, 2, (byte) 0x80, 0x7F}));
    return backends.stream()
        .flatMap(b -> cases.stream().map(c -> Arguments.of(b, c.get()[0], c.get()[1])));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("malformedNameSections")
  void preinitializesDespiteMalformedNameSection(
      Differential backend, String what, byte[] nameBody) {
    byte[] section = customSection("name", nameBody);
    byte[] module = concat(Wat.resource(getClass(), "/wat/counter.wat"), section);

    WisexResult result = backend.check(module, WisexOptions.defaults(), Call.of("count"));

    assertTrue(
        Bytes.contains(result.module(), section),
        what + ": the output must keep the custom section as it was");
  }

  private static byte[] customSection(String name, byte[] body) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.write(nameBytes.length);
    content.writeBytes(nameBytes);
    content.writeBytes(body);
    ByteArrayOutputStream section = new ByteArrayOutputStream();
    section.write(0);
    section.write(content.size()); // every body here is shorter than 128 bytes: a one-byte LEB128
    section.writeBytes(content.toByteArray());
    return section.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
