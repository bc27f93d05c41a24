package dev.wisex.runtime.graal;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.WasmTrapException;
import java.util.function.Supplier;
import org.graalvm.polyglot.PolyglotException;

/**
 * Turns what the polyglot API throws into wisex's exception types. A host handler's exception
 * crosses GraalWasm as a polyglot host exception and comes out as the very same object.
 */
final class Failures {
  private Failures() {}

  /** Runs guest code, translating its failures into traps. */
  static <T> T executing(Supplier<T> guestCode) {
    try {
      return guestCode.get();
    } catch (PolyglotException e) {
      throw duringExecution(e);
    }
  }

  static RuntimeException duringExecution(PolyglotException e) {
    RuntimeException host = hostException(e);
    if (host != null) {
      return host;
    }
    if (e.isGuestException()) {
      return new WasmTrapException(describe(e), e);
    }
    if (e.isResourceExhausted()) {
      return new WasmTrapException("resources exhausted: " + describe(e), e);
    }
    if (e.isCancelled() || e.isInterrupted()) {
      return new InitFailedException("execution was interrupted", e);
    }
    if (e.isInternalError()) {
      // Truffle's own failure (a linkage error between jars of mixed releases, say): no guest trap,
      // and a failure of this backend's own, so a default choice lets the other backend's outcome
      // count.
      return new RuntimeSelectionException("GraalWasm failed internally: " + describe(e), e);
    }
    return new WasmTrapException("GraalWasm failed while running guest code: " + describe(e), e);
  }

  /**
   * The exception for a failure while decoding, validating or linking, before any guest code runs.
   */
  static RuntimeException linking(String what, PolyglotException e) {
    RuntimeException host = hostException(e);
    return host != null ? host : new InitFailedException(what + ": " + describe(e), e);
  }

  /**
   * The host's own runtime exception carried by {@code e}, or {@code null}. A host {@link Error} is
   * rethrown here as it is: it is no guest failure either.
   */
  static RuntimeException hostException(PolyglotException e) {
    if (!e.isHostException()) {
      return null;
    }
    Throwable original = e.asHostException();
    if (original instanceof Error error) {
      throw error;
    }
    return original instanceof RuntimeException runtime ? runtime : null;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
