package dev.wisex.wasix;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostHandler;
import dev.wisex.wasix.abi.ExitRequested;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.abi.PointerWidth;
import dev.wisex.wasix.abi.Signature;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.config.WasixConfig;
import dev.wisex.wasix.state.WasiState;
import dev.wisex.wasix.table.Entry;
import dev.wisex.wasix.table.Preview1Table;
import dev.wisex.wasix.table.Table;
import dev.wisex.wasix.table.WasiThreadsTable;
import dev.wisex.wasix.table.WasixTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The WASI preview1 and WASIX host for one init run. It owns the {@code wasi_snapshot_preview1},
 * {@code wasix_32v1} and {@code wasix_64v1} namespaces and hands out a host function per import the
 * module declares; everything a call changes stays in this host's sandbox, which {@link #close()}
 * discards. One host per instance: the reference and the snapshot side of a test each get a fresh
 * one.
 */
public final class WasixHost implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(WasixHost.class);

  private static final Map<String, Table> TABLES =
      Map.of(
          Preview1Table.NAMESPACE,
          Preview1Table.create(),
          WasixTable.NAMESPACE,
          WasixTable.create(PointerWidth.P32),
          WasixTable.NAMESPACE_64,
          WasixTable.create(PointerWidth.P64),
          WasiThreadsTable.NAMESPACE,
          WasiThreadsTable.create());

  private final WasiState state;

  private WasixHost(WasixConfig config) {
    this.state = new WasiState(config);
  }

  /**
   * Creates the sandbox: copies the preopened host trees in (read-only) and sets up fds 0 to 2+N.
   */
  public static WasixHost create(WasixConfig config) {
    return new WasixHost(config);
  }

  /** Whether imports from {@code module} are WASI/WASIX imports this layer answers for. */
  public static boolean owns(String module) {
    return TABLES.containsKey(module);
  }

  /** The namespaces with tables, for documentation and tests. */
  public static Set<String> namespaces() {
    return TABLES.keySet();
  }

  /**
   * The host function for one import, or empty if the namespace is not WASI/WASIX. Every import
   * links, so that init fails only if it calls something wisex cannot run: a name of the ABI (or of
   * an earlier ABI version) with the declared signature runs or is refused with its reason; a name
   * or a signature no version defines traps when called, naming what it is.
   *
   * @param type the type the module declares for the import
   */
  public Optional<HostFunction> function(String module, String name, FuncType type) {
    Table table = TABLES.get(module);
    if (table == null) {
      return Optional.empty();
    }
    String qualified = module + "." + name;
    List<Entry> versions = table.versions(name);
    Optional<String> earlierName = table.earlierNameReason(name);
    if (versions.isEmpty() && earlierName.isPresent()) {
      return Optional.of(new HostFunction(module, name, type, trap(qualified, earlierName.get())));
    }
    if (versions.isEmpty()) {
      return Optional.of(
          new HostFunction(
              module, name, type, trap(qualified, "wisex does not know this function")));
    }
    Optional<Entry> matching =
        versions.stream().filter(e -> e.signature().equals(type)).findFirst();
    if (matching.isEmpty()) {
      return Optional.of(
          new HostFunction(module, name, type, trap(qualified, mismatch(type, versions))));
    }
    Entry entry = matching.get();
    HostHandler handler =
        entry.isSupported()
            ? run(qualified, entry, table.width())
            : trap(qualified, entry.reason());
    return Optional.of(new HostFunction(module, name, type, handler));
  }

  private static String mismatch(FuncType declared, List<Entry> versions) {
    return "the module declares it as "
        + Signature.format(declared)
        + ", but the ABI defines it as "
        + Signature.format(versions.get(0).signature())
        + (versions.size() > 1
            ? " (and earlier versions as "
                + String.join(
                    ", ",
                    versions.subList(1, versions.size()).stream()
                        .map(e -> Signature.format(e.signature()))
                        .toList())
                + ")"
            : "")
        + ", so wisex cannot tell what the call means";
  }

  /**
   * Fails init if it ended holding host state that the output cannot carry: the snapshot is memory
   * and globals only, and the runtime that starts the output begins with empty host tables. Today
   * that is thread-local keys still alive (see README "Real WASIX programs").
   *
   * @throws InitFailedException naming what is left
   */
  public void checkSnapshotable() {
    Map<Long, String> alive = state.threadLocals().aliveAtSnapshot();
    if (!alive.isEmpty()) {
      StringBuilder keys = new StringBuilder();
      alive.forEach(
          (key, what) ->
              keys.append(keys.isEmpty() ? "" : "; ")
                  .append(key)
                  .append(" (")
                  .append(what)
                  .append(')'));
      throw new InitFailedException(
          "init ended with thread-local keys alive (thread_local_create without"
              + " thread_local_destroy): "
              + keys
              + ". The keys, their values and destructors live in the host, not in memory, so"
              + " the snapshot cannot carry them: the runtime that starts the output would number"
              + " new keys from 1 again and read these as 0");
    }
  }

  /** The message a refused call traps with, shared by tests and docs. */
  public static String refusal(String qualifiedName, String reason) {
    return "init called `" + qualifiedName + "`, which cannot be pre-initialized: " + reason;
  }

  private HostHandler run(String qualified, Entry entry, PointerWidth width) {
    boolean returnsErrno = !entry.signature().results().isEmpty();
    return (memory, args) -> {
      if (LOG.isTraceEnabled()) {
        LOG.trace("{}{}", qualified, Arrays.toString(args));
      }
      int errno;
      try {
        errno = entry.impl().call(state, new GuestMem(memory, width), args);
      } catch (WasiException e) {
        errno = e.errno();
      } catch (ExitRequested e) {
        throw new GuestExit(e.code());
      }
      LOG.trace("{} -> {}", qualified, errno);
      return returnsErrno ? new long[] {errno} : new long[0];
    };
  }

  private static HostHandler trap(String qualified, String reason) {
    String message = refusal(qualified, reason);
    return (memory, args) -> {
      throw new WasmTrapException(message);
    };
  }

  /** Flushes guest output and discards the sandbox. */
  @Override
  public void close() {
    state.close();
  }
}
