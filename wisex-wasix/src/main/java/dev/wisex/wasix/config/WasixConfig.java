package dev.wisex.wasix.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the guest sees during init. Deterministic unless asked otherwise: the clocks start at {@link
 * #FIXED_EPOCH_NANOS} and move only when the guest sleeps, and {@code random_get} returns the
 * SplitMix64 stream of {@code seed}, so the same input and flags give the same snapshot on every
 * run and every JDK.
 *
 * @param args argv, argv[0] first (the module's name)
 * @param env environment variables in the order the guest sees them
 * @param preopens directories copied into the sandbox, fds 3, 4, ... in this order
 * @param stdio where fds 0-2 go
 * @param seed seed of the deterministic random stream
 * @param realClock use the host's clocks instead of the virtual ones
 * @param realRandom use {@link java.security.SecureRandom} instead of the seeded stream
 */
public record WasixConfig(
    List<String> args,
    Map<String, String> env,
    List<Preopen> preopens,
    Stdio stdio,
    long seed,
    boolean realClock,
    boolean realRandom) {

  /**
   * 2000-01-01T00:00:00Z: a fixed, plausible wall-clock time (libc code may reject the 1970 epoch
   * as unset).
   */
  public static final long FIXED_EPOCH_NANOS = 946_684_800L * 1_000_000_000L;

  public WasixConfig {
    args = List.copyOf(args);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    preopens = List.copyOf(preopens);
    Objects.requireNonNull(stdio, "stdio");
  }

  /** argv {@code ["wasm"]}, no environment, no directories, captured stdio, seed 0. */
  public static WasixConfig defaults() {
    return new WasixConfig(List.of("wasm"), Map.of(), List.of(), Stdio.captured(), 0, false, false);
  }
}
