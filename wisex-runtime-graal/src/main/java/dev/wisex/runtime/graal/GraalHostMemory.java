package dev.wisex.runtime.graal;

import dev.wisex.api.InitFailedException;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.MemoryType;
import dev.wisex.parser.Section;
import dev.wisex.parser.write.ModuleWriter;
import dev.wisex.parser.write.SectionEncoder;
import dev.wisex.runtime.spi.HostMemory;
import dev.wisex.runtime.spi.MemoryLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * A memory for a memory import on GraalWasm. Polyglot values belong to one context and every
 * instance of this backend has its own, so the memory comes into being inside the first (and only)
 * instance that links it: a one-line module that exports a memory of these limits is instantiated
 * in that instance's context and its memory is passed in the import object. Until then it reads as
 * zero-filled. Linking it into a second instance is refused; sharing a memory between instances
 * needs a backend with {@link dev.wisex.runtime.spi.Capability#THREADS}.
 */
final class GraalHostMemory implements HostMemory {
  private static final String EXPORT = "memory";

  private final MemoryLimits limits;
  private GraalMemory bound;

  private GraalHostMemory(MemoryLimits limits) {
    this.limits = limits;
  }

  static GraalHostMemory create(MemoryLimits limits) {
    if (limits.shared()) {
      throw new InitFailedException(
          "the `"
              + GraalRuntime.NAME
              + "` runtime does not run shared memories (threads); use --runtime chicory");
    }
    return new GraalHostMemory(Objects.requireNonNull(limits, "limits"));
  }

  /** Creates the memory in {@code context} and returns it for the import object. */
  synchronized Value bindTo(Context context, String importName) {
    if (bound != null) {
      throw new InitFailedException(
          "the host memory for `"
              + importName
              + "` is already linked into another GraalWasm instance; each instance needs its own");
    }
    Value memory;
    try {
      Source source =
          Source.newBuilder(GraalRuntime.LANGUAGE, ByteSequence.create(providerModule()), "memory")
              .buildLiteral();
      memory = context.eval(source).newInstance().getMember("exports").getMember(EXPORT);
    } catch (PolyglotException e) {
      throw Failures.linking("GraalWasm cannot create the memory for `" + importName + "`", e);
    }
    bound = new GraalMemory(memory);
    return memory;
  }

  /** {@code (module (memory (export "memory") MIN MAX?))} in the binary format. */
  private byte[] providerModule() {
    MemoryType memory =
        new MemoryType(
            limits.minimum(),
            limits.maximum(),
            false,
            limits.memory64(),
            MemoryType.DEFAULT_PAGE_SIZE_LOG2);
    return new ModuleWriter()
        .section(Section.MEMORY, SectionEncoder.memories(List.of(memory)))
        .section(
            Section.EXPORT,
            SectionEncoder.exports(List.of(new Export(EXPORT, ExternalKind.MEMORY, 0))))
        .toByteArray();
  }

  @Override
  public MemoryLimits limits() {
    return limits;
  }

  @Override
  public synchronized long byteSize() {
    return bound != null ? bound.byteSize() : limits.minimum() << 16;
  }

  @Override
  public synchronized void read(long address, byte[] dst, int dstOffset, int length) {
    if (bound != null) {
      bound.read(address, dst, dstOffset, length);
    } else {
      Objects.checkFromIndexSize(address, length, byteSize());
      Arrays.fill(dst, dstOffset, dstOffset + length, (byte) 0);
    }
  }

  @Override
  public synchronized void write(long address, byte[] src, int srcOffset, int length) {
    if (bound == null) {
      throw new IllegalStateException(
          "a GraalWasm host memory can be written only once it is linked into an instance");
    }
    bound.write(address, src, srcOffset, length);
  }
}
