package dev.wisex.runtime.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The compiled modules this JVM has loaded, kept so that pre-initializing the same module again in
 * one JVM (library use, the Maven plugin, a build that pre-initializes one JavaScript engine for
 * many scripts) runs guest code the JIT has already compiled, instead of loading its classes afresh
 * and warming them up again (quickjs init in a warm JVM: ~570 ms each time with fresh classes). A
 * layer of the compile cache: used only where one is, under the same key, for modules found valid.
 * Bounded: the most recently used entries whose code together stays under a cap; a dropped entry's
 * classes are unloaded with their class loader once no instance runs them.
 */
final class LoadedMachines {
  /**
   * 4 MiB: a few modules of the size of QuickJS or SQLite (~1 MB of code, ~20-40 MB of class
   * metadata and compiled code each loaded); the default engine choice runs larger ones on
   * GraalWasm.
   */
  static final long DEFAULT_MAX_CODE_BYTES = 4L << 20;

  /** The process-wide one. */
  static final LoadedMachines SHARED = new LoadedMachines(DEFAULT_MAX_CODE_BYTES);

  /**
   * What the compiled classes depend on besides the versions, which a JVM cannot change, and the
   * cache directory they were loaded through: a layer of that cache, so that a run with another one
   * still reads and writes its own entries.
   */
  record Key(String digest, InterpreterFallback fallback, Path cacheDir) {}

  /**
   * A module as Chicory decoded it and the machines compiled for it, which Chicory runs only for
   * that very module object.
   */
  record Compiled(WasmModule module, Function<Instance, Machine> machines) {}

  private record Entry(Compiled compiled, long codeBytes) {}

  private final long maxCodeBytes;
  private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long codeBytes;

  LoadedMachines(long maxCodeBytes) {
    this.maxCodeBytes = maxCodeBytes;
  }

  /** The module with this key and its machines, or null. */
  synchronized Compiled get(Key key) {
    Entry entry = entries.get(key);
    return entry == null ? null : entry.compiled();
  }

  /** Whether this holds the module with this key (which was found valid when it was kept). */
  synchronized boolean holds(Key key) {
    return entries.containsKey(key);
  }

  /** Forgets every entry: for tests of the cache directory, which model a new JVM's run. */
  synchronized void clear() {
    entries.clear();
    codeBytes = 0;
  }

  /**
   * Keeps a valid module of {@code codeBytes} bytes of code, dropping the least recently used
   * entries while the code kept exceeds the cap; a module larger than the cap is not kept.
   */
  synchronized void keep(Key key, Compiled compiled, long codeBytes) {
    if (codeBytes > maxCodeBytes) {
      return;
    }
    Entry old = entries.put(key, new Entry(compiled, codeBytes));
    this.codeBytes += codeBytes - (old == null ? 0 : old.codeBytes());
    Iterator<Entry> eldestFirst = entries.values().iterator();
    while (this.codeBytes > maxCodeBytes) {
      this.codeBytes -= eldestFirst.next().codeBytes();
      eldestFirst.remove();
    }
  }
}
