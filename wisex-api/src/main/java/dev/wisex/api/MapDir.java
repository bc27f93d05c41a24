package dev.wisex.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory made visible to the guest during init under another name ({@code --mapdir
 * GUEST::HOST}).
 */
public record MapDir(String guest, Path host) {
  public MapDir {
    Objects.requireNonNull(guest, "guest");
    Objects.requireNonNull(host, "host");
  }

  /** Parses {@code GUEST::HOST}; the error names the expected form. */
  public static MapDir parse(String spec) {
    int sep = spec.indexOf("::");
    if (sep <= 0 || sep + 2 >= spec.length()) {
      throw new IllegalArgumentException("`" + spec + "` is not of the form GUEST::HOST");
    }
    return new MapDir(spec.substring(0, sep), Path.of(spec.substring(sep + 2)));
  }
}
