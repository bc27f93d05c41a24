package dev.wisex.wasix.config;

import dev.wisex.api.MapDir;
import dev.wisex.api.StdioStreams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the guest sees during init. Deterministic unless asked otherwise: the wall clock starts at
 * {@code epochNanos} and the clocks move only as the guest reads them or sleeps, and {@code
 * random_get} returns the SplitMix64 stream of {@code seed}, so the same input and flags give the
 * same snapshot on every run and every JDK.
 *
 * @param args argv, argv[0] first (the module's name)
 * @param env environment variables in the order the guest sees them
 * @param preopens directories copied into the sandbox, fds 3, 4, ... in this order ({@code --dir
 *     DIR} is the mapping of DIR to itself)
 * @param stdio where fds 0-2 go
 * @param seed seed of the deterministic random stream
 * @param realClock use the host's clocks instead of the virtual ones
 * @param realRandom use {@link java.security.SecureRandom} instead of the seeded stream
 * @param epochNanos where the virtual wall clock starts, in nanoseconds since 1970
 */
public record WasixConfig(
    List<String> args,
    Map<String, String> env,
    List<MapDir> preopens,
    StdioStreams stdio,
    long seed,
    boolean realClock,
    boolean realRandom,
    long epochNanos) {

  /**
   * 2000-01-01T00:00:00Z: a fixed, plausible wall-clock time (libc code may reject the 1970 epoch
   * as unset).
   */
  public static final long FIXED_EPOCH_NANOS = 946_684_800L * 1_000_000_000L;

  /**
   * Where the virtual monotonic clock starts: 1 h 23 min 20 s, a plausible uptime (SpiderMonkey
   * treats a zero monotonic time as unset).
   */
  public static final long MONOTONIC_START_NANOS = 5_000_123_456_789L;

  /** How far the virtual clocks advance with each read, so two reads never return the same time. */
  public static final long CLOCK_TICK_NANOS = 1_000;

  /** A configuration whose wall clock starts at {@link #FIXED_EPOCH_NANOS}. */
  public WasixConfig(
      List<String> args,
      Map<String, String> env,
      List<MapDir> preopens,
      StdioStreams stdio,
      long seed,
      boolean realClock,
      boolean realRandom) {
    this(args, env, preopens, stdio, seed, realClock, realRandom, FIXED_EPOCH_NANOS);
  }

  public WasixConfig {
    args = List.copyOf(args);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    preopens = List.copyOf(preopens);
    Objects.requireNonNull(stdio, "stdio");
  }

  /** argv {@code ["wasm"]}, no environment, no directories, captured stdio, seed 0. */
  public static WasixConfig defaults() {
    return new WasixConfig(
        List.of("wasm"), Map.of(), List.of(), StdioStreams.captured(), 0, false, false);
  }
}
