package dev.wisex.cli;

import dev.wisex.testkit.Bytes;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The test modules, assembled from {@code src/test/resources/wat}. */
final class Samples {
  static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6d};

  private Samples() {}

  /** Init writes "wisex" at address 16 and sets the global read by export {@code get} to 42. */
  static byte[] counter() {
    return Wat.assemble(wat("counter.wat"));
  }

  static String wat(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/wat/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource wat/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The environment {@code wasi_print_env.wat}'s init printed: {@code NAME=VALUE} entries, each
   * ended by a NUL byte, in UTF-8.
   */
  static java.util.Map<String, String> printedEnvironment(byte[] stdout) {
    java.util.Map<String, String> seen = new java.util.TreeMap<>();
    for (String entry : new String(stdout, StandardCharsets.UTF_8).split("\0")) {
      int eq = entry.indexOf('=');
      seen.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    return seen;
  }

  static boolean startsWithMagic(byte[] module) {
    return module.length >= 8 && Arrays.equals(module, 0, 4, WASM_MAGIC, 0, 4);
  }

  /** Whether the module's bytes contain the UTF-8 name, e.g. an export name. */
  static boolean containsName(byte[] module, String name) {
    return Bytes.contains(module, name.getBytes(StandardCharsets.UTF_8));
  }
}
