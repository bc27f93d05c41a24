package dev.wisex.runtime.spi;

/**
 * The type of a memory the host creates for a memory import, copied from the import itself, so that
 * the memory always matches what the module asks for.
 *
 * @param minimum initial size in 64 KiB pages
 * @param maximum maximum size in pages, or -1 if unbounded
 * @param shared the threads proposal's shared flag: one memory used by several instances at once
 * @param memory64 addresses are i64
 */
public record MemoryLimits(long minimum, long maximum, boolean shared, boolean memory64) {
  public MemoryLimits {
    if (minimum < 0 || maximum < -1 || (maximum >= 0 && maximum < minimum)) {
      throw new IllegalArgumentException(
          "invalid memory limits: minimum " + minimum + ", maximum " + maximum);
    }
  }

  public boolean hasMaximum() {
    return maximum >= 0;
  }
}
