package dev.wisex.wasix.config;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where the guest's fds 0, 1 and 2 go. A {@code null} stream is sandboxed: stdin reads as empty,
 * output is logged at info line by line. The host layer never picks the process's own streams
 * itself (only the CLI knows whether stdout carries the output module), so callers pass them in.
 */
public record Stdio(InputStream in, OutputStream out, OutputStream err) {
  /** Nothing inherited: empty stdin, stdout and stderr captured to the log. */
  public static Stdio captured() {
    return new Stdio(null, null, null);
  }
}
