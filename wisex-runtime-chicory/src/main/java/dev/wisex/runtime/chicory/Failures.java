package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.UnlinkableException;
import dev.wisex.api.InitFailedException;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.api.WisexException;
import java.util.function.Supplier;

/**
 * Turns everything Chicory throws into wisex's exception types, so that no engine class leaks to
 * callers, while a host handler's own exception comes out exactly as it went in.
 */
final class Failures {
  static final String STACK_EXHAUSTED = "call stack exhausted";

  private Failures() {}

  /** Runs guest code, translating its failures into traps. */
  static <T> T executing(Supplier<T> guestCode) {
    try {
      return guestCode.get();
    } catch (RuntimeException e) {
      throw duringExecution(e);
    } catch (StackOverflowError e) {
      // Chicory converts most overflows itself; one can still escape from code outside its guards.
      throw new WasmTrapException(STACK_EXHAUSTED, e);
    } catch (LinkageError e) {
      throw mixedJars(e);
    }
  }

  /**
   * A linkage error inside Chicory: jars of releases that do not fit together, which {@link
   * ChicoryVersion} could not see (a repackaged jar that states no versions). No guest trap, and a
   * failure of this backend's own, so a default choice lets the other backend's outcome count.
   */
  static RuntimeSelectionException mixedJars(LinkageError e) {
    return new RuntimeSelectionException(
        "Chicory failed: "
            + e
            + " (its jars on the class path do not fit together or are not of release "
            + ChicoryVersion.BUILT_AGAINST
            + ")",
        e);
  }

  /** The exception to throw for a failure while running guest code. */
  static RuntimeException duringExecution(RuntimeException e) {
    HostFailure host = find(e, HostFailure.class);
    if (host != null) {
      return host.original();
    }
    WisexException own = find(e, WisexException.class);
    if (own != null) {
      return own;
    }
    if (e instanceof UninstantiableException u) {
      // Chicory reports a trap in the start function as "uninstantiable" with the trap as cause.
      return u.getCause() instanceof TrapException trap
          ? new WasmTrapException(describe(trap), u)
          : new InitFailedException("the module cannot be instantiated: " + describe(u), u);
    }
    if (e instanceof WasmException thrown) {
      return new WasmTrapException("uncaught wasm exception (tag " + thrown.tagIdx() + ")", e);
    }
    if (e instanceof ChicoryInterruptedException) {
      return new InitFailedException("execution was interrupted", e);
    }
    if (e instanceof ChicoryException) {
      return new WasmTrapException(describe(e), e);
    }
    // Chicory lets some guest faults surface as plain JDK exceptions; they are traps all the same.
    return new WasmTrapException("Chicory failed while running guest code: " + e, e);
  }

  /** The exception to throw for a failure while linking, before any guest code runs. */
  static WisexException linking(RuntimeException e) {
    if (e instanceof UnlinkableException) {
      return new InitFailedException("cannot link the module: " + describe(e), e);
    }
    if (e instanceof InvalidException) {
      return new InitFailedException("the module is invalid: " + describe(e), e);
    }
    return new InitFailedException("Chicory cannot instantiate the module: " + describe(e), e);
  }

  /** The exception's message, or its type when it has none. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    // Bounded, since a cause chain may be cyclic.
    Throwable current = e;
    for (int depth = 0; current != null && depth < 32; depth++) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      current = current.getCause();
    }
    return null;
  }
}
