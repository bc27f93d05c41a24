package dev.wisex.wasix.state;

import dev.wisex.api.StdioStreams;
import dev.wisex.wasix.config.WasixConfig;
import dev.wisex.wasix.fs.DirFd;
import dev.wisex.wasix.fs.Fd;
import dev.wisex.wasix.fs.FdTable;
import dev.wisex.wasix.fs.Sandbox;
import dev.wisex.wasix.fs.StreamFd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one init run's host functions share: config, clocks, random stream, sandbox and fds.
 */
public final class WasiState implements AutoCloseable {
  /** How long closing waits for guest output to flush before abandoning it. */
  static final Duration FLUSH_WAIT = Duration.ofSeconds(2);

  private final WasixConfig config;
  private final Clock clock;
  private final Entropy entropy;
  private final Sandbox sandbox;
  private final FdTable fds = new FdTable();
  private final List<String> signalCallbacks = new ArrayList<>();
  private final ThreadLocals threadLocals = new ThreadLocals();
  private String cwd = "/";
  private byte[] tty;

  public WasiState(WasixConfig config) {
    this.config = config;
    this.clock = new Clock(config.realClock(), config.epochNanos());
    this.entropy = new Entropy(config.seed(), config.realRandom());
    this.sandbox =
        new Sandbox(config.preopens(), clock, config.realClock() ? null : clock.fileTime());
    StdioStreams stdio = config.stdio();
    fds.add(new StreamFd(stdio.in(), null));
    fds.add(new StreamFd(null, stdio.out() != null ? stdio.out() : new LogOutput("stdout")));
    fds.add(new StreamFd(null, stdio.err() != null ? stdio.err() : new LogOutput("stderr")));
    for (DirFd preopen : sandbox.preopens()) {
      fds.add(preopen);
    }
  }

  public WasixConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public Entropy entropy() {
    return entropy;
  }

  public FdTable fds() {
    return fds;
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  /** The WASIX working directory, a guest path; the sandbox has no process-wide one. */
  public String cwd() {
    return cwd;
  }

  public void cwd(String value) {
    cwd = value;
  }

  /** The terminal state tty_set stored, or {@code null} for the default. */
  public byte[] tty() {
    return tty;
  }

  public void tty(byte[] value) {
    tty = value;
  }

  /** The thread-local keys of init's one thread. */
  public ThreadLocals threadLocals() {
    return threadLocals;
  }

  public List<String> signalCallbacks() {
    return signalCallbacks;
  }

  /**
   * Flushes guest output, waiting at most {@link #FLUSH_WAIT}; the sandbox goes with it, so nothing
   * the guest wrote outlives the run. The flush runs on a daemon thread because a stream may never
   * take it: a stdout pipe nobody reads, or a stream an abandoned init thread is still blocked in
   * (after {@code --timeout}). Nothing on the way out may wait for the guest's streams.
   */
  @Override
  public void close() {
    List<StreamFd> streams = new ArrayList<>();
    for (Fd fd : fds.all().values()) {
      if (fd instanceof StreamFd stream && stream.written() && !streams.contains(stream)) {
        streams.add(stream);
      }
    }
    if (!streams.isEmpty()) {
      Thread flusher =
          Thread.ofPlatform()
              .daemon()
              .name("wisex-guest-flush")
              .start(() -> streams.forEach(StreamFd::flush));
      try {
        flusher.join(FLUSH_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sandbox.close();
  }
}
