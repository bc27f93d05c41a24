package dev.wisex.api;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The streams init's fds 0, 1 and 2 use when stdio is inherited. The caller decides, because only
 * it knows whether, say, standard output already carries the output module (the CLI then routes
 * guest stdout to stderr). A {@code null} stream means: stdin reads as empty, output is logged at
 * info.
 */
public record StdioStreams(InputStream in, OutputStream out, OutputStream err) {
  /** Which streams are set, never their Java identities ({@code PrintStream@5e91993f}). */
  @Override
  public String toString() {
    return "StdioStreams[in="
        + (in == null ? "empty" : "set")
        + ", out="
        + (out == null ? "logged" : "set")
        + ", err="
        + (err == null ? "logged" : "set")
        + "]";
  }
}
