package dev.wisex.rewriter.instrument;

/**
 * Byte counts as people read them in messages: {@code 4 GiB}, {@code 640 KiB}, {@code 17 bytes}.
 */
public final class Sizes {
  private Sizes() {}

  public static String describe(long bytes) {
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (bytes < 1024 || Long.numberOfTrailingZeros(bytes) < 10) {
      return bytes + " bytes";
    }
    int unit = -1;
    long value = bytes;
    while (value >= 1024 && (value & 1023) == 0 && unit < units.length - 1) {
      value >>>= 10;
      unit++;
    }
    return value + " " + units[unit];
  }
}
