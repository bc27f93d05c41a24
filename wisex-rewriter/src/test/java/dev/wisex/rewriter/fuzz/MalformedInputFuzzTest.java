package dev.wisex.rewriter.fuzz;

import dev.wisex.api.InitLimits;
import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.ModuleParser;
import dev.wisex.parser.WasmModule;
import dev.wisex.parser.analysis.CodeFeatures;
import dev.wisex.parser.analysis.CodeScanner;
import dev.wisex.rewriter.instrument.EngineMemoryLimit;
import dev.wisex.rewriter.instrument.HugeFunctionSplitter;
import dev.wisex.rewriter.instrument.InitTimePasses;
import dev.wisex.rewriter.instrument.Instrumenter;
import dev.wisex.rewriter.rewrite.OutputAssembler;
import dev.wisex.rewriter.snapshot.ArrayMemory;
import dev.wisex.rewriter.snapshot.MemorySnapshot;
import dev.wisex.rewriter.snapshot.Snapshot;
import dev.wisex.rewriter.validate.RestrictionValidator;
import dev.wisex.runtime.spi.KnownDefect;
import dev.wisex.testkit.Mutations;
import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: mutated and truncated variants of the test modules go through every stage that
 * reads the module (parse, code scan, validation, instrumentation and the init-time passes with
 * every guard on, rewrite with a zero snapshot, re-parse of the output). Each must succeed or fail
 * with a {@link WisexException}; any other exception, or an allocation driven by a lying size
 * field, is a bug.
 */
class MalformedInputFuzzTest {
  private static final int VARIANTS = Integer.getInteger("wisex.fuzz.malformed", 10_000);

  private static List<byte[]> corpus() throws IOException {
    List<byte[]> modules = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/wat"))) {
      for (Path wat : files.filter(f -> f.toString().endsWith(".wat")).sorted().toList()) {
        modules.add(Wat.assemble(Files.readString(wat)));
      }
    }
    return modules;
  }

  @Test
  void everyVariantEndsInSuccessOrAWisexException() throws IOException {
    List<byte[]> corpus = corpus();
    SplittableRandom random = new SplittableRandom(424242);
    for (int i = 0; i < VARIANTS; i++) {
      byte[] original = corpus.get(random.nextInt(corpus.size()));
      byte[] variant = Mutations.mutate(original, random);
      try {
        runStaticStages(variant);
      } catch (WisexException expected) {
        // the one allowed failure type
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        throw new AssertionError(
            "variant "
                + i
                + " of a "
                + original.length
                + "-byte module: "
                + e
                + "\nbytes: "
                + hex(variant),
            e);
      }
    }
  }

  private static void runStaticStages(byte[] bytes) {
    WasmModule module = ModuleParser.parse(bytes);
    CodeFeatures code = CodeScanner.scan(module);
    WisexOptions options = WisexOptions.defaults();
    RestrictionValidator.validate(
        module, code, options.init(), options.features()); // the pipeline stops at a rejection
    // The init-time passes, with every guard and defect rewrite on.
    InitTimePasses.apply(
        module,
        code,
        Instrumenter.instrument(module, code),
        true,
        new InitLimits(1_000_000, InitLimits.DEFAULT_TIMEOUT, 1L << 20),
        EnumSet.allOf(KnownDefect.class),
        EngineMemoryLimit.NONE,
        type -> true,
        64, // every body of more than 64 bytes goes through the function splitter
        HugeFunctionSplitter::apply);

    List<MemorySnapshot> memories = new ArrayList<>();
    // Every memory, imported ones first, as the snapshot holds them.
    List<MemoryType> all = module.allMemories();
    for (int m = 0; m < all.size(); m++) {
      // No runs: the rewrite never reads the memory, so an empty one stands in for any size.
      memories.add(new MemorySnapshot(m, all.get(m).minimum(), 0, List.of(), new ArrayMemory(0)));
    }
    Snapshot snapshot = new Snapshot(new HashMap<>(), memories, Set.of());
    ModuleParser.parse(OutputAssembler.assemble(module, snapshot, options.init()).bytes());
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, 400); i++) {
      s.append(String.format("%02x", bytes[i]));
    }
    return s.toString();
  }
}
