package dev.wisex.runtime.spi;

/**
 * Whether a backend can run on this JVM, and if not, why, in words a user can act on.
 *
 * @param available true if the backend can be used
 * @param reason why not, or {@code null} when available
 */
public record Availability(boolean available, String reason) {
  private static final Availability AVAILABLE = new Availability(true, null);

  public static Availability yes() {
    return AVAILABLE;
  }

  public static Availability no(String reason) {
    return new Availability(false, reason);
  }
}
