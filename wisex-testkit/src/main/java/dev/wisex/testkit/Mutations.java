package dev.wisex.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Hostile variants of a valid module for malformed-input fuzzing: truncations, flipped bytes, lying
 * LEB128 sizes and inserted garbage, always past the 8-byte header so most variants get past the
 * first check and exercise the parser's inner paths.
 */
public final class Mutations {
  private Mutations() {}

  /** One variant of {@code original} chosen by {@code random}; the original is not changed. */
  public static byte[] mutate(byte[] original, SplittableRandom random) {
    byte[] bytes = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> { // truncate
        return Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      case 1 -> { // flip a few bytes
        int flips = 1 + random.nextInt(4);
        for (int k = 0; k < flips; k++) {
          bytes[8 + random.nextInt(bytes.length - 8)] = (byte) random.nextInt(256);
        }
        return bytes;
      }
      case 2 -> { // a lying LEB: a 0xFF run that decodes to a huge size
        int at = 8 + random.nextInt(bytes.length - 8);
        for (int k = at; k < Math.min(bytes.length, at + 4); k++) {
          bytes[k] = (byte) 0xFF;
        }
        if (at + 4 < bytes.length) {
          bytes[at + 4] = 0x07;
        }
        return bytes;
      }
      default -> { // insert random bytes
        int at = 8 + random.nextInt(bytes.length - 8);
        int n = 1 + random.nextInt(8);
        byte[] out = new byte[bytes.length + n];
        System.arraycopy(bytes, 0, out, 0, at);
        for (int k = 0; k < n; k++) {
          out[at + k] = (byte) random.nextInt(256);
        }
        System.arraycopy(bytes, at, out, at + n, bytes.length - at);
        return out;
      }
    }
  }
}
