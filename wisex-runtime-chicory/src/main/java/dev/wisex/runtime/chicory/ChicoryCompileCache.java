package dev.wisex.runtime.chicory;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.InterpreterFallback;
import dev.wisex.api.WisexVersion;
import java.nio.file.Path;

/**
 * Chicory's compiler asks its {@link Cache} for the classes of a module by the module's digest;
 * this one answers from a {@link CompileCacheStore}, under a key that also names the Chicory and
 * wisex versions and builds and the interpreter fallback, which the digest alone does not.
 * Remembers whether it served an entry, so that a failure of Chicory to load a served entry can be
 * told apart from a failure to compile.
 */
final class ChicoryCompileCache implements Cache {
  /** The backend's subdirectory of the shared cache directory. */
  static final String SUBDIRECTORY = ChicoryRuntime.NAME;

  private final CompileCacheStore store;
  private final InterpreterFallback fallback;
  private final Validation validation;
  private String served;

  private ChicoryCompileCache(
      CompileCacheStore store, InterpreterFallback fallback, Validation validation) {
    this.store = store;
    this.fallback = fallback;
    this.validation = validation;
  }

  /** The cache in {@code cacheDir}'s Chicory subdirectory, with the default size cap. */
  static ChicoryCompileCache in(Path cacheDir, InterpreterFallback fallback) {
    return new ChicoryCompileCache(
        new CompileCacheStore(
            cacheDir.resolve(SUBDIRECTORY), new CacheEviction(CacheEviction.DEFAULT_MAX_BYTES)),
        fallback,
        Validation.DONE);
  }

  /**
   * This cache, writing an entry only once {@code validation} has found the module valid: the
   * compiler may finish first ({@link Validation}), and an entry spares later runs the validation.
   */
  ChicoryCompileCache after(Validation validation) {
    return new ChicoryCompileCache(store, fallback, validation);
  }

  /**
   * Whether this cache holds the compiled code of the module whose digest (Chicory's parser's) is
   * {@code digest}: an entry is written only after those bytes were found valid, so they need no
   * validation again (quickjs: ~0.4 s of a warm run).
   */
  boolean holds(String digest) {
    return store.contains(key(digest).fileName());
  }

  /** Refreshes the entry of the module whose code this JVM already has loaded, if there is one. */
  void markUsed(String digest) {
    store.markUsed(key(digest).fileName());
  }

  @Override
  public byte[] get(String digest) {
    String name = key(digest).fileName();
    byte[] classes = store.read(name);
    if (classes != null) {
      served = name;
    }
    return classes;
  }

  @Override
  public void putIfAbsent(String digest, byte[] classes) {
    validation.await(); // throws, and writes nothing, for an invalid module
    store.write(key(digest).fileName(), classes);
  }

  /** Whether {@link #get} returned an entry. */
  boolean served() {
    return served != null;
  }

  /** Deletes the entry {@link #get} returned, which Chicory could not load. */
  void discardServed() {
    if (served != null) {
      store.delete(served);
    }
  }

  private CompileCacheKey key(String digest) {
    return new CompileCacheKey(
        digest, ChicoryVersion.get(), WisexVersion.get(), BuildIdentity.current(), fallback);
  }
}
