package dev.wisex.cli;

import dev.wisex.api.ProgressListener;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one-line progress display on a terminal: the current stage, what it works on and how long it
 * has run, redrawn in place a few times a second and erased at the end. Only stages that last are
 * ever drawn (the first redraw comes after half a second), so quick runs print nothing.
 */
final class ProgressLine implements ProgressListener, AutoCloseable {
  private static final long FIRST_DRAW_MILLIS = 500;
  private static final long REDRAW_MILLIS = 200;

  private final PrintStream terminal;
  private final ScheduledExecutorService ticker;
  private volatile String stage = "";
  private volatile String detail = "";
  private volatile long stageStarted = System.nanoTime();
  private volatile LongSupplier memoryBytes;
  private boolean drawn;

  /** Set by the erase at the end: a tick that comes after it (on a signal) must not draw again. */
  private boolean finished;

  private int columns;
  private final Thread eraseOnSignal = new Thread(this::erase, "wisex-progress-erase");

  ProgressLine(PrintStream terminal) {
    this.terminal = terminal;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "wisex-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::draw, FIRST_DRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    // Ctrl-C (SIGINT) or SIGTERM mid-run: the shell's prompt must not start after a stale line.
    Runtime.getRuntime().addShutdownHook(eraseOnSignal);
  }

  /**
   * A display on {@code stderr} if it is the process's own standard error, connected to a terminal,
   * and not silenced with {@code --quiet}; otherwise none.
   */
  static ProgressLine startIfTerminal(OutputStream stderr, boolean quiet) {
    return !quiet && stderr == System.err && Terminals.isTerminal(Terminals.STDERR)
        ? new ProgressLine(System.err)
        : null;
  }

  @Override
  public void stage(String stage, String detail) {
    this.stage = stage;
    this.detail = detail;
    this.stageStarted = System.nanoTime();
    this.memoryBytes = null;
  }

  @Override
  public void watchMemory(LongSupplier memoryBytes) {
    this.memoryBytes = memoryBytes;
  }

  static String render(String stage, String detail, long elapsedNanos) {
    return String.format(
        Locale.ROOT,
        "wisex: %s%s %.1f s",
        stage,
        detail.isEmpty() ? "" : " (" + detail + ")",
        elapsedNanos / 1e9);
  }

  /** {@code 640 KiB}, {@code 17.5 MiB}, {@code 1.0 GiB}: one decimal is enough while it grows. */
  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
    return (bytes >> 10) + " KiB";
  }

  synchronized void draw() {
    if (finished) {
      return;
    }
    String shown = detail;
    LongSupplier memory = memoryBytes;
    if (memory != null) {
      long bytes = memory.getAsLong();
      if (bytes >= 0) {
        shown = (shown.isEmpty() ? "" : shown + ", ") + size(bytes) + " of memory";
      }
    }
    if (columns == 0) {
      columns = Terminals.columns();
    }
    terminal.print(
        "\r\033[K" + fit(render(stage, shown, System.nanoTime() - stageStarted), columns));
    terminal.flush();
    drawn = true;
  }

  /**
   * At most {@code columns - 1} characters, so the line never wraps (a wrapped line cannot be
   * redrawn in place); the detail in the middle gives way first, the elapsed time stays.
   */
  static String fit(String line, int columns) {
    int room = Math.max(columns - 1, 10);
    if (line.length() <= room) {
      return line;
    }
    int tail = Math.min(8, room / 3);
    return line.substring(0, room - tail - 3) + "..." + line.substring(line.length() - tail);
  }

  /** Stops redrawing and erases the line, so errors and logs start on a clean line. */
  @Override
  public void close() {
    ticker.shutdownNow();
    erase();
    try {
      Runtime.getRuntime().removeShutdownHook(eraseOnSignal);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running or has run.
    }
  }

  synchronized void erase() {
    finished = true;
    if (drawn) {
      terminal.print("\r\033[K");
      terminal.flush();
      drawn = false;
    }
  }
}
