package dev.wisex.wasix.state;

import java.security.SecureRandom;

/**
 * {@code random_get}'s source. Deterministic by default: the SplitMix64 stream of the seed (Steele,
 * Lea and Flood 2014, constants below), each 64-bit output emitted little-endian and consumed as
 * one continuous byte stream, an algorithm fixed here rather than borrowed from a JDK class whose
 * output may change.
 */
public final class Entropy {
  private final SecureRandom real;
  private long state;
  private long word;
  private int left;

  public Entropy(long seed, boolean real) {
    this.state = seed;
    this.real = real ? new SecureRandom() : null;
  }

  public void fill(byte[] out) {
    if (real != null) {
      real.nextBytes(out);
      return;
    }
    for (int i = 0; i < out.length; i++) {
      if (left == 0) {
        word = next();
        left = 8;
      }
      out[i] = (byte) word;
      word >>>= 8;
      left--;
    }
  }

  private long next() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
