package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.rewriter.instrument.HugeFunctionSplitter;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remembered split is the split: the reference is {@link HugeFunctionSplitter} run afresh, and an
 * entry that is not exactly what was written (a byte changed, cut short, another file) is ignored
 * and written again, never trusted.
 */
class SplitMemoTest {
  private static final int LARGEST = 300;

  /** One function of ~1,400 bytes of straight-line statements: split at {@link #LARGEST}. */
  private static final WasmModule MODULE = ModuleParser.parse(Wat.assemble(longFunction()));

  private static String longFunction() {
    StringBuilder wat = new StringBuilder("(module (memory 1) (func (export \"f\")");
    for (int k = 0; k < 80; k++) {
      wat.append(" (i64.store (i32.const ")
          .append(8 * k)
          .append(") (i64.add (i64.load (i32.const ")
          .append(8 * k)
          .append(")) (i64.const ")
          .append(k)
          .append(")))");
    }
    return wat.append("))").toString();
  }

  @TempDir Path cache;

  private static byte[] fresh() {
    return HugeFunctionSplitter.apply(MODULE, LARGEST);
  }

  @Test
  void aSecondRunReadsWhatTheFirstWrote() throws IOException {
    byte[] first = SplitMemo.split(cache, MODULE.bytes(), LARGEST);
    assertArrayEquals(fresh(), first);
    assertFalse(Arrays.equals(MODULE.bytes(), first), "the module was split");
    Path entry = SplitMemo.entry(cache, MODULE.bytes(), LARGEST);
    assertTrue(Files.isRegularFile(entry));
    assertArrayEquals(first, SplitMemo.split(cache, MODULE.bytes(), LARGEST));
  }

  @Test
  void aHitIsReadNotComputed() throws IOException {
    // A well-formed entry saying "nothing to split" (another module's) put where this module's
    // entry goes: only a read of the memo returns the module unsplit.
    byte[] other = Wat.assemble("(module (func (export \"f\")))");
    SplitMemo.split(cache, other, LARGEST);
    Path entry = SplitMemo.entry(cache, MODULE.bytes(), LARGEST);
    Files.copy(SplitMemo.entry(cache, other, LARGEST), entry);
    assertSame(MODULE.bytes(), SplitMemo.split(cache, MODULE.bytes(), LARGEST));
  }

  @Test
  void aCorruptEntryIsIgnoredAndWrittenAgain() throws IOException {
    Path entry = SplitMemo.entry(cache, MODULE.bytes(), LARGEST);
    byte[] good = SplitMemo.split(cache, MODULE.bytes(), LARGEST);
    byte[] written = Files.readAllBytes(entry);
    for (byte[] broken :
        new byte[][] {
          flip(written, written.length - 1), // a payload byte
          flip(written, 10), // the length
          flip(written, 17), // the checksum
          flip(written, 0), // the magic
          Arrays.copyOf(written, written.length / 2), // cut short
          Arrays.copyOf(written, 5),
          new byte[0],
          "not a memo".getBytes(java.nio.charset.StandardCharsets.UTF_8)
        }) {
      Files.write(entry, broken);
      assertArrayEquals(good, SplitMemo.split(cache, MODULE.bytes(), LARGEST));
      assertArrayEquals(written, Files.readAllBytes(entry), "the entry was written again");
    }
  }

  @Test
  void aModuleWithNothingToSplitStaysTheSameArray() {
    byte[] small = Wat.assemble("(module (func (export \"f\") (result i32) (i32.const 1)))");
    WasmModule module = ModuleParser.parse(small);
    assertSame(module.bytes(), SplitMemo.split(cache, module.bytes(), LARGEST));
    assertSame(
        module.bytes(), SplitMemo.split(cache, module.bytes(), LARGEST), "from the memo too");
  }

  @Test
  void withoutACacheDirectoryOrAWritableOneTheSplitIsComputed() throws IOException {
    assertArrayEquals(fresh(), SplitMemo.split(null, MODULE.bytes(), LARGEST));
    Path file = Files.writeString(cache.resolve("a-file"), "x"); // cannot hold a directory
    assertArrayEquals(fresh(), SplitMemo.split(file, MODULE.bytes(), LARGEST));
  }

  private static byte[] flip(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x5A;
    return copy;
  }
}
