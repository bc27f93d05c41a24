package dev.wisex.wasix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.MapDir;
import dev.wisex.api.StdioStreams;
import dev.wisex.api.WisexException;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.wasix.config.WasixConfig;
import dev.wisex.wasix.table.Entry;
import dev.wisex.wasix.table.Preview1Table;
import dev.wisex.wasix.table.Table;
import dev.wisex.wasix.table.WasixTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every host function the tables know, called with extreme arguments (0, -1, 2^31, 2^63, 2^64-1,
 * pointers at the end of memory, ...) and over a memory full of such values: each call must return
 * an errno the ABI defines, or end init with a {@link WisexException} (a refusal, a deadlock, an
 * exit), never throw anything else at the host.
 */
class WasiExtremesTest {
  /** The highest errno preview1 defines ({@code notcapable}). */
  private static final int MAX_ERRNO = 76;

  private static final int END = 65536;

  /** Extremes for a whole argument: counts, lengths, offsets and pointers. */
  private static final long[] EXTREMES = {
    0,
    1,
    3,
    -1L,
    1L << 31,
    (1L << 31) - 1,
    1L << 32,
    Long.MIN_VALUE,
    Long.MAX_VALUE,
    Long.MAX_VALUE - 1,
    END,
    END - 1,
    END - 4,
    END - 8,
    END - 16,
    END - 24,
    END - 48,
    END - 64
  };

  /** Small plausible values, so calls get past their first check and reach deeper code. */
  private static final long[] SMALL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 64, 1024, 4096};

  private static final int CALLS_PER_HOST = 400;
  private static final int RANDOM_CALLS_PER_FUNCTION = 200;

  @TempDir Path tree;

  @Test
  void everyHostFunctionAnswersExtremeArgumentsWithAnErrnoOrAWisexException() throws IOException {
    Files.writeString(tree.resolve("a.txt"), "hello, extremes");
    Files.createDirectory(tree.resolve("d"));
    Files.write(tree.resolve("d").resolve("b.bin"), new byte[5000]);
    List<Table> tables =
        List.of(
            Preview1Table.create(),
            WasixTable.create(),
            WasixTable.create(dev.wisex.wasix.abi.PointerWidth.P64),
            dev.wisex.wasix.table.WasiThreadsTable.create());
    assertEquals(
        WasixHost.namespaces().size(), tables.size(), "a namespace this test does not call");

    Map<String, Table> byName = new java.util.HashMap<>();
    tables.forEach(t -> byName.put(t.namespace(), t));
    List<String> failures = new ArrayList<>();
    Random random = new Random(18);
    long calls = 0;
    for (Table table : tables) {
      for (Entry entry : table.entries().values()) {
        Caller caller = new Caller(byName, table.namespace(), entry, random);
        int params = entry.signature().params().size();
        for (int p = 0; p < params; p++) {
          for (long extreme : EXTREMES) {
            long[] args = caller.plausible();
            args[p] = extreme;
            caller.call(args, failures);
          }
        }
        for (int i = 0; i < RANDOM_CALLS_PER_FUNCTION; i++) {
          caller.call(caller.wild(), failures);
        }
        calls += caller.calls;
        caller.close();
      }
    }
    assertTrue(calls > 80_000, "only " + calls + " calls");
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " calls threw at the host, e.g.:\n"
            + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
  }

  /** Calls one function through a fresh host now and then, so fds and files come and go. */
  private final class Caller {
    private final String namespace;
    private final Map<String, Table> tables;
    private final Entry entry;
    private final Random random;
    private final ArrayMemory memory = new ArrayMemory();
    private WasixHost host;
    private HostFunction function;
    int calls;

    Caller(Map<String, Table> tables, String namespace, Entry entry, Random random) {
      this.tables = tables;
      this.namespace = namespace;
      this.entry = entry;
      this.random = random;
    }

    long[] plausible() {
      long[] args = new long[entry.signature().params().size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = SMALL[random.nextInt(SMALL.length)];
      }
      return args;
    }

    long[] wild() {
      long[] args = new long[entry.signature().params().size()];
      for (int i = 0; i < args.length; i++) {
        args[i] =
            random.nextBoolean()
                ? EXTREMES[random.nextInt(EXTREMES.length)]
                : SMALL[random.nextInt(SMALL.length)];
      }
      return args;
    }

    void call(long[] raw, List<String> failures) {
      if (calls++ % CALLS_PER_HOST == 0) {
        renew();
      }
      long[] args = asPassed(entry.signature(), raw);
      try {
        long[] results = function.handler().apply(memory, args);
        if (results.length == 1 && (results[0] < 0 || results[0] > MAX_ERRNO)) {
          failures.add(describe(args) + " returned errno " + results[0]);
        }
      } catch (WisexException expected) {
        // A refusal, a deadlock or an exit: init ends with a message naming it.
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        failures.add(describe(args) + " threw " + e.getClass().getName() + " at " + origin(e));
      }
    }

    private void renew() {
      close();
      host =
          WasixHost.create(
              new WasixConfig(
                  List.of("wasm", "extremes"),
                  Map.of("HOME", "/"),
                  List.of(new MapDir("/data", tree)),
                  new StdioStreams(null, OutputStream.nullOutputStream(), null),
                  18,
                  false,
                  false));
      function = host.function(namespace, entry.name(), entry.signature()).orElseThrow();
      open("a.txt");
      open("new.txt");
      if (namespace.startsWith("wasix")) {
        call("fd_pipe", 100, 104);
      }
      fill();
    }

    /** fds 4 and up: files opened read-write (created if missing) in the preopen, fd 3. */
    private void open(String name) {
      memory.put(0, name);
      call("path_open", 3, 0, 0, name.length(), 1, 0x1FFF_FFFFL, 0x1FFF_FFFFL, 0, 100);
    }

    private void call(String name, long... args) {
      // Namespaces without files (WASI threads) set up through preview1's functions.
      String from =
          tables.get(namespace).entry(name).isPresent() ? namespace : Preview1Table.NAMESPACE;
      Entry setup = tables.get(from).entry(name).orElseThrow();
      HostFunction f = host.function(from, name, setup.signature()).orElseThrow();
      assertEquals(0, f.handler().apply(memory, args)[0], name);
    }

    /** Zeros, or words of extreme values the guest's structures (iovecs, events) will hold. */
    private void fill() {
      if (random.nextBoolean()) {
        Arrays.fill(memory.bytes, (byte) 0);
        return;
      }
      for (int at = 0; at < END; at += 8) {
        long word =
            random.nextBoolean()
                ? EXTREMES[random.nextInt(EXTREMES.length)]
                : SMALL[random.nextInt(SMALL.length)];
        dev.wisex.wasix.abi.GuestMem.le(memory.bytes, at, 8, word);
      }
    }

    void close() {
      if (host != null) {
        host.close();
      }
    }

    private static String origin(Throwable e) {
      StackTraceElement[] trace = e.getStackTrace();
      return trace.length == 0
          ? "?"
          : Arrays.toString(Arrays.copyOf(trace, Math.min(4, trace.length)));
    }

    private String describe(long[] args) {
      return namespace + "." + entry.name() + Arrays.toString(args);
    }
  }

  /** What an engine passes: an i32 argument arrives zero-extended, an i64 as its 64 bits. */
  private static long[] asPassed(FuncType type, long[] raw) {
    long[] args = raw.clone();
    for (int i = 0; i < args.length; i++) {
      if (type.params().get(i) == ValType.I32) {
        args[i] &= 0xFFFF_FFFFL;
      }
    }
    return args;
  }
}
