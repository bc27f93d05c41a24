package dev.wisex.runtime.node;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.CodeLoading;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs init in V8, the engine of Node.js, in a process of its own: V8 compiles WebAssembly to
 * machine code as it runs it (a baseline compiler at once, an optimizing one for hot functions), so
 * an init that runs much code, like a JavaScript engine setting itself up, takes a fraction of the
 * time a JVM engine takes, and no compile of the whole module comes first. Every import, WASI's
 * included, calls back into this JVM, where wisex's host and sandbox answer it; the guest sees
 * nothing of the Node process. Available where a {@code node} executable of Node.js 20 or later is
 * found ({@link NodeBinary}), where the default selection prefers it for every module it runs;
 * {@code --runtime node} forces it.
 */
public final class NodeRuntime implements WasmRuntime {
  /** The name {@code --runtime} takes. */
  public static final String NAME = "node";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return NodeBinary.version();
  }

  /**
   * Below the JVM backends where the execution mode leaves the choice to priority ({@code
   * --execution-mode compiler|interpreter}, which V8 does not have); without it the default
   * selection prefers this backend by its {@link #codeLoading()}.
   */
  @Override
  public int priority() {
    return 10;
  }

  @Override
  public Availability availability() {
    return NodeBinary.availability();
  }

  /**
   * What V8 of Node.js 20 runs without flags and this backend carries across: SIMD and tail calls.
   * Threads (a shared memory in several instances) and memory imports need a memory the host
   * creates, which stays in Node; multi-memory and memory64 are behind flags in Node 20.
   */
  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.SIMD, Capability.TAIL_CALLS);
  }

  /** V8 compiles a function when it is first called (Liftoff), and optimizes it when hot. */
  @Override
  public CodeLoading codeLoading() {
    return CodeLoading.MACHINE_CODE;
  }

  /** V8's limit for a 32-bit memory: 65,536 pages. */
  @Override
  public long maxMemoryBytes() {
    return 4L << 30;
  }

  /** The memory lives in the Node process. */
  @Override
  public boolean memoryOnHeap(MemoryLimits limits) {
    return false;
  }

  @Override
  public int maxMemories() {
    return 1;
  }

  @Override
  public WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig config) {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(imports, "imports");
    Objects.requireNonNull(config, "config");
    NodeModule prepared = NodeModule.read(module);
    Path node =
        NodeBinary.find()
            .orElseThrow(() -> new InitFailedException(NodeBinary.availability().reason()));
    NodeProcess process = NodeProcess.start(node, List.of(), Script.TEXT);
    return NodeInstance.start(process, prepared, imports);
  }

  /** The host script Node runs, read once. */
  private static final class Script {
    static final String TEXT = read();

    private static String read() {
      try (InputStream in = NodeRuntime.class.getResourceAsStream("host.js")) {
        if (in == null) {
          throw new IllegalStateException("host.js is missing from wisex-runtime-node's jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
