package dev.wisex.wasix.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory the guest sees under {@code guest} ({@code --dir DIR} uses DIR for both). Its
 * tree is copied into the sandbox before init; the host directory is only ever read.
 */
public record Preopen(String guest, Path host, boolean readOnly) {
  public Preopen {
    Objects.requireNonNull(guest, "guest");
    Objects.requireNonNull(host, "host");
  }

  /** A preopen whose sandbox copy the guest may change. */
  public Preopen(String guest, Path host) {
    this(guest, host, false);
  }
}
