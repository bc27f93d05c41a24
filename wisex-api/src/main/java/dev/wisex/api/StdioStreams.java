package dev.wisex.api;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The streams init's fds 0, 1 and 2 use. The caller decides, because only it knows whether, say,
 * standard output already carries the output module (the CLI then routes guest stdout to stderr);
 * the WASI host never picks the process's own streams itself. A {@code null} stream is sandboxed:
 * stdin reads as empty, output is logged at info line by line.
 */
public record StdioStreams(InputStream in, OutputStream out, OutputStream err) {
  /** Nothing inherited: empty stdin, stdout and stderr captured to the log. */
  public static StdioStreams captured() {
    return new StdioStreams(null, null, null);
  }

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
