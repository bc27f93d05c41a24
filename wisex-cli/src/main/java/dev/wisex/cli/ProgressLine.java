package dev.wisex.cli;

import dev.wisex.api.ProgressListener;
import java.io.Console;
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

  private ProgressLine(PrintStream terminal) {
    this.terminal = terminal;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "wisex-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::draw, FIRST_DRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * A display on {@code stderr} if it is the process's own standard error, connected to a terminal,
   * and not silenced with {@code --quiet}; otherwise none.
   */
  static ProgressLine startIfTerminal(OutputStream stderr, boolean quiet) {
    return !quiet && stderr == System.err && isTerminal() ? new ProgressLine(System.err) : null;
  }

  /** {@code Console.isTerminal()} where the JDK has it (22+); before that a console is one. */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
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

  private synchronized void draw() {
    String shown = detail;
    LongSupplier memory = memoryBytes;
    if (memory != null) {
      long bytes = memory.getAsLong();
      if (bytes >= 0) {
        shown = (shown.isEmpty() ? "" : shown + ", ") + size(bytes) + " of memory";
      }
    }
    terminal.print("\r\033[K" + render(stage, shown, System.nanoTime() - stageStarted));
    terminal.flush();
    drawn = true;
  }

  /** Stops redrawing and erases the line, so errors and logs start on a clean line. */
  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    if (drawn) {
      terminal.print("\r\033[K");
      terminal.flush();
    }
  }
}
