package dev.wisex.runtime.spi;

/**
 * A linear memory the host creates with {@link WasmRuntime#newMemory} and links to a memory import.
 * It exists apart from any instance, which is how threads share one memory: the same {@code
 * HostMemory} is linked into every instance that imports it. Only the backend that created it can
 * link it.
 */
public interface HostMemory extends GuestMemory {
  /** The limits it was created with. */
  MemoryLimits limits();
}
