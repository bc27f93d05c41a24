package dev.wisex.runtime.node;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.BackendUnusableException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One Node.js process running {@code host.js} for one instance. Frames are read on a thread of
 * their own, so that a caller waiting for an answer can be interrupted (wisex's {@code --timeout},
 * a race's stop): the process is then killed at once. What Node writes to stderr is kept (its last
 * lines name a crash) and logged at debug.
 */
final class NodeProcess implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(NodeProcess.class);
  private static final int STDERR_KEPT = 4096;

  /**
   * How many times a receive polls before it blocks (some 0.1 ms): a host call's answer comes back
   * within that, and waking a blocked thread costs more than the round trip (20,000 host calls
   * 2.4–2.6 s blocking at once, 1.1–1.3 s so; quickjs, which makes one, equal within 2 %).
   */
  private static final int SPINS = 2000;

  private static final Object END = new Object();

  private final Process process;
  private final OutputStream toNode;
  private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final Thread errors;

  /**
   * The Node processes alive in this JVM, ended when it exits (SIGTERM, Ctrl-C, {@code
   * System.exit}) so that none runs on with a guest in an endless loop; the host script ends itself
   * should the JVM be killed outright.
   */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> LIVE.forEach(Process::destroyForcibly), "wisex-node-shutdown"));
  }

  private NodeProcess(Process process) {
    this.process = process;
    LIVE.add(process);
    process.onExit().thenRun(() -> LIVE.remove(process));
    this.toNode = process.getOutputStream();
    Thread reader = new Thread(this::readFrames, "wisex-node-reader");
    reader.setDaemon(true);
    reader.start();
    errors = new Thread(this::drainStderr, "wisex-node-stderr");
    errors.setDaemon(true);
    errors.start();
  }

  /** Node's end, which the caller did not ask for: a crash, or a Node.js that refuses to run. */
  static final class Ended extends InitFailedException {
    private static final long serialVersionUID = 1L;

    Ended(String message) {
      super(message);
    }
  }

  /**
   * Starts {@code node} on the host script, with the flags given.
   *
   * @throws BackendUnusableException if the executable cannot be started
   */
  static NodeProcess start(Path node, List<String> flags, String script) {
    List<String> command = new java.util.ArrayList<>();
    command.add(node.toString());
    command.addAll(flags);
    command.add("-e");
    command.add(script);
    ProcessBuilder builder = new ProcessBuilder(command);
    // Nothing of the caller's reaches the engine: no NODE_OPTIONS, no preloaded modules.
    builder.environment().keySet().removeIf(name -> name.startsWith("NODE_"));
    try {
      return new NodeProcess(builder.start());
    } catch (IOException e) {
      throw new BackendUnusableException(
          NodeRuntime.NAME, "cannot start Node.js (" + node + "): " + e.getMessage(), e);
    }
  }

  /** Sends one frame. */
  void send(byte[] frame) {
    try {
      toNode.write(frame);
      toNode.flush();
    } catch (IOException e) {
      throw ended();
    }
  }

  /**
   * The next frame from Node. An interrupt kills the process and throws; so does Node's end.
   *
   * @throws Ended if Node ended
   * @throws InitFailedException if the wait was interrupted
   */
  NodeProtocol.In receive() {
    Object next;
    try {
      next = frames.poll();
      for (int spin = 0; next == null && spin < SPINS; spin++) {
        Thread.onSpinWait();
        next = frames.poll();
      }
      if (next == null) {
        next = frames.take();
      }
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new InitFailedException("execution was interrupted");
    }
    if (next == END) {
      frames.add(END); // every later receive sees the end too
      throw ended();
    }
    if (next instanceof Error failed) {
      // The reader ran out of heap for a frame: the caller's thread says so as wisex says it of any
      // run that outgrows the heap.
      frames.add(END);
      close();
      throw failed;
    }
    return new NodeProtocol.In((byte[]) next);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      toNode.close();
    } catch (IOException e) {
      // the process is gone either way
    }
  }

  private Ended ended() {
    try {
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        errors.join(1_000); // what it said last
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String said;
    synchronized (stderr) {
      said = stderr.toString(StandardCharsets.UTF_8).strip();
    }
    String exit = process.isAlive() ? "" : " with exit code " + process.exitValue();
    return new Ended(
        "Node.js ended"
            + exit
            + (said.isEmpty() ? "" : ": " + said.lines().reduce((a, b) -> b).orElse(said)));
  }

  private void readFrames() {
    try (DataInputStream in = new DataInputStream(process.getInputStream())) {
      byte[] head = new byte[4];
      for (; ; ) {
        in.readFully(head);
        int length = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        frames.add(frame);
      }
    } catch (EOFException e) {
      frames.add(END); // Node ended
    } catch (IOException e) {
      LOG.debug("reading from Node.js failed: {}", e.toString());
      frames.add(END);
    } catch (OutOfMemoryError e) {
      frames.add(e);
    }
  }

  private void drainStderr() {
    try (InputStream in = process.getErrorStream()) {
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) > 0; ) {
        LOG.debug("node: {}", new String(buffer, 0, n, StandardCharsets.UTF_8).stripTrailing());
        synchronized (stderr) {
          stderr.write(buffer, 0, n);
          if (stderr.size() > 2 * STDERR_KEPT) {
            byte[] all = stderr.toByteArray();
            stderr.reset();
            stderr.write(all, all.length - STDERR_KEPT, STDERR_KEPT);
          }
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
  }
}
