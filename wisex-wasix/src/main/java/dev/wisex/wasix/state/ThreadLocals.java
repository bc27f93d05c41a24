package dev.wisex.wasix.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code thread_local_*} keys of init's one thread, as wasmer keeps them: keys numbered from 1,
 * each with the user data its destructor gets and the value set on it (unset reads as 0). The table
 * lives in the host, not in guest memory, which is why {@link #aliveAtSnapshot()} matters.
 */
public final class ThreadLocals {
  /** One live key: its destructor's user data (0: none) and its value, if one was set. */
  public record Key(long userData, Long value) {
    /** Whether destroying the key makes wasmer call the guest's destructor export. */
    public boolean destructorPending() {
      return userData != 0 && value != null;
    }
  }

  private final Map<Long, Key> keys = new LinkedHashMap<>();
  private final Map<Long, Long> orphanValues = new LinkedHashMap<>();
  private long lastKey;

  /** Creates a key; wasmer hands out 1, 2, ... and never reuses a number. */
  public long create(long userData) {
    long key = ++lastKey;
    keys.put(key, new Key(userData, null));
    return key;
  }

  /** The live key, if {@code key} was created and not destroyed. */
  public Optional<Key> key(long key) {
    return Optional.ofNullable(keys.get(key));
  }

  /** Removes the key and its value; destroying an unknown key does nothing, as in wasmer. */
  public void destroy(long key) {
    keys.remove(key);
    orphanValues.remove(key);
  }

  /** Sets the value; like wasmer, a key that was never created holds a value too. */
  public void set(long key, long value) {
    Key live = keys.get(key);
    if (live != null) {
      keys.put(key, new Key(live.userData(), value));
    } else {
      orphanValues.put(key, value);
    }
  }

  /** The value, 0 if none was set. */
  public long get(long key) {
    Key live = keys.get(key);
    if (live != null) {
      return live.value() == null ? 0 : live.value();
    }
    return orphanValues.getOrDefault(key, 0L);
  }

  /**
   * The keys that would be lost if init ended now: every created key still alive, and every value
   * set on a key nobody created. The runtime that starts the output has an empty table again (and
   * numbers new keys from 1, so it would hand out the numbers init's keys already hold).
   */
  public Map<Long, String> aliveAtSnapshot() {
    Map<Long, String> alive = new LinkedHashMap<>();
    keys.forEach(
        (k, v) ->
            alive.put(
                k,
                (v.userData() != 0 ? "with a destructor" : "without a destructor")
                    + (v.value() != null ? ", value " + Long.toUnsignedString(v.value()) : "")));
    orphanValues.forEach(
        (k, v) -> {
          if (v != 0) {
            alive.put(k, "never created, value " + Long.toUnsignedString(v));
          }
        });
    return alive;
  }
}
