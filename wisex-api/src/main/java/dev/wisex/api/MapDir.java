package dev.wisex.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory made visible to the guest during init under another name ({@code --mapdir
 * GUEST::HOST}). Its copy in the sandbox is writable unless {@code readOnly} ({@code
 * GUEST::HOST:ro}); the host directory is never written either way.
 */
public record MapDir(String guest, Path host, boolean readOnly) {
  /** The suffix that makes a {@code --mapdir} or {@code --dir} read-only inside the sandbox. */
  public static final String READ_ONLY_SUFFIX = ":ro";

  public MapDir {
    Objects.requireNonNull(guest, "guest");
    Objects.requireNonNull(host, "host");
  }

  /** A writable mapping. */
  public MapDir(String guest, Path host) {
    this(guest, host, false);
  }

  /** Parses {@code GUEST::HOST[:ro]}; the error names the expected form. */
  public static MapDir parse(String spec) {
    boolean readOnly = spec.endsWith(READ_ONLY_SUFFIX);
    if (readOnly) {
      return parse(spec.substring(0, spec.length() - READ_ONLY_SUFFIX.length())).readOnlyCopy();
    }
    int sep = spec.indexOf("::");
    if (sep <= 0 || sep + 2 >= spec.length()) {
      throw new IllegalArgumentException("`" + spec + "` is not of the form GUEST::HOST[:ro]");
    }
    return new MapDir(spec.substring(0, sep), Path.of(spec.substring(sep + 2)));
  }

  private MapDir readOnlyCopy() {
    return new MapDir(guest, host, true);
  }
}
