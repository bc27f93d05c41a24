package dev.wisex.runtime.example;

import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.HostMemory;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.KnownDefect;
import dev.wisex.runtime.spi.MemoryLimits;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest useful third-party backend: named {@code example}, it hands every instantiation to
 * the preferred other backend and counts them, which is enough to prove discovery and selection end
 * to end without depending on any engine. Its priority is negative, so it is only used when asked
 * for by name.
 */
public final class ForwardingRuntime implements WasmRuntime {
  private static final AtomicInteger INSTANTIATIONS = new AtomicInteger();

  /** How many modules this backend has instantiated in this JVM. */
  public static int instantiations() {
    return INSTANTIATIONS.get();
  }

  @Override
  public String name() {
    return "example";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public int priority() {
    return -1;
  }

  @Override
  public Availability availability() {
    return delegate().isPresent()
        ? Availability.yes()
        : Availability.no("it forwards to another backend, and none is installed");
  }

  @Override
  public Set<Capability> capabilities() {
    return delegate().map(WasmRuntime::capabilities).orElse(Set.of());
  }

  /** The engine that runs the module is the delegate's, and so are its defects. */
  @Override
  public Set<KnownDefect> knownDefects() {
    return delegate().map(WasmRuntime::knownDefects).orElse(Set.of());
  }

  @Override
  public WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig config) {
    WasmRuntime target =
        delegate().orElseThrow(() -> new IllegalStateException("no backend to forward to"));
    INSTANTIATIONS.incrementAndGet();
    return target.instantiate(module, imports, config);
  }

  /** Memories for memory imports come from the same backend the instances do. */
  @Override
  public HostMemory newMemory(MemoryLimits limits) {
    return delegate()
        .orElseThrow(() -> new IllegalStateException("no backend to forward to"))
        .newMemory(limits);
  }

  private static Optional<WasmRuntime> delegate() {
    return ServiceLoader.load(WasmRuntime.class, ForwardingRuntime.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .filter(r -> !(r instanceof ForwardingRuntime))
        .filter(r -> r.availability().available())
        .max(java.util.Comparator.comparingInt(WasmRuntime::priority));
  }
}
