package dev.wisex.rewriter.names;

/**
 * The export names instrumentation adds. One prefix, so the validator can refuse modules that
 * already use it and the rewrite never has to guess which exports are ours.
 */
public final class ReservedNames {
  public static final String PREFIX = "__wisex_";

  private ReservedNames() {}

  public static boolean isReserved(String name) {
    return name.startsWith(PREFIX);
  }

  public static String global(int index) {
    return PREFIX + "global_" + index;
  }

  public static String memory(int index) {
    return PREFIX + "memory_" + index;
  }

  /** The step budget left, an {@code i64} global added when {@code --fuel} is set. */
  public static final String FUEL = PREFIX + "fuel";

  /** 1 + the index of the memory whose growth hit {@code --max-memory}, else 0. */
  public static final String LIMIT_HIT = PREFIX + "limit_hit";

  /** The bytes of locals the large frames of init's calls hold ({@code FrameBudget}). */
  public static final String FRAME_BYTES = PREFIX + "frame_bytes";

  /** The start function, exported so init can call it and read the limits after it traps. */
  public static final String START = PREFIX + "start";

  /** The probe function of the {@code group}-th group of passive data segments. */
  public static String dataProbe(int group) {
    return PREFIX + "data_probe_" + group;
  }
}
