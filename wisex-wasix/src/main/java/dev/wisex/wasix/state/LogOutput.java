package dev.wisex.wasix.state;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Captured guest output: logged at info one line at a time, so it neither vanishes nor reaches the
 * output.
 */
public final class LogOutput extends OutputStream {
  private static final Logger LOG = LogManager.getLogger("dev.wisex.wasix.guest");

  private final String stream;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  public LogOutput(String stream) {
    this.stream = stream;
  }

  /** A guest that never writes a newline still gets logged, in pieces of this many bytes. */
  static final int MAX_LINE = 8192;

  @Override
  public void write(int b) {
    if (b == '\n') {
      flush();
    } else {
      line.write(b);
      if (line.size() >= MAX_LINE) {
        flush();
      }
    }
  }

  @Override
  public void flush() {
    if (line.size() > 0) {
      LOG.info("guest {}: {}", stream, line.toString(StandardCharsets.UTF_8));
      line.reset();
    }
  }
}
