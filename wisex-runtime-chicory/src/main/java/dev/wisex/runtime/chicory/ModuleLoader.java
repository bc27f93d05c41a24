package dev.wisex.runtime.chicory;

import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wisex.api.InitFailedException;
import java.io.ByteArrayInputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Decodes a module and refuses, up front and with an actionable message, the proposals this backend
 * cannot execute: Chicory would otherwise accept them and fail half-way through init.
 */
final class ModuleLoader {
  private ModuleLoader() {}

  /** Skipped validations (a compile-cache hit), for tests. */
  static final AtomicLong UNVALIDATED = new AtomicLong();

  /** A decoded module and its {@link Validation}, under way unless the cache vouched for it. */
  record Loaded(WasmModule module, Validation validation) {}

  /**
   * @param validated whether the module with this digest (Chicory's, which its parser computes
   *     anyway) is known to have passed validation (the compile cache holds its code): then it is
   *     only decoded, else its validation starts on a thread of its own
   */
  static Loaded load(byte[] bytes, Predicate<String> validated) {
    if (Memory64Probe.declaresMemory64(bytes)) {
      throw new InitFailedException(unsupported("memory64 (64-bit linear memory)"));
    }
    WasmModule module = refusingInvalid(() -> parse(bytes));
    Validation validation;
    if (validated.test(module.digest())) {
      UNVALIDATED.incrementAndGet();
      validation = Validation.DONE;
    } else {
      validation = Validation.start(module);
    }
    SimdScan.firstUse(module)
        .ifPresent(
            where -> {
              validation.await(); // an invalid module is reported as such
              throw new InitFailedException(
                  unsupported("SIMD (v128)") + " (first use: " + where + ")");
            });
    return new Loaded(module, validation);
  }

  private static WasmModule parse(byte[] bytes) {
    try {
      return Parser.builder()
          .withValidation(false)
          .build()
          .parse(() -> new ByteArrayInputStream(bytes));
    } catch (OutOfMemoryError e) {
      // Chicory's parser allocates what a section's sizes declare before it reads the bytes: a
      // lying size asks for more than any heap (HostileModuleTest). Nothing was allocated.
      throw new InitFailedException(
          "Chicory cannot decode the module: a size in it exceeds what the module can hold", e);
    }
  }

  /** Runs a step that decodes or validates, turning its refusal into wisex's exception. */
  static <T> T refusingInvalid(Supplier<T> step) {
    try {
      return step.get();
    } catch (MalformedException e) {
      throw new InitFailedException("Chicory cannot decode the module: " + Failures.describe(e), e);
    } catch (InvalidException e) {
      throw new InitFailedException("the module is invalid: " + Failures.describe(e), e);
    } catch (RuntimeException e) {
      // Chicory does not promise to report every bad input with its own exception types. One of
      // the JDK's (an index out of bounds in its decoder) is named by its type alone: its message
      // says nothing the user can act on, and whether it has one is the JIT's choice (C2 throws a
      // preallocated exception without it once the same site has failed often), so a run's line
      // would depend on what ran before it in the JVM.
      String fault =
          e.getClass().getName().startsWith("java.")
              ? "its decoder failed (" + e.getClass().getSimpleName() + ")"
              : Failures.describe(e);
      throw new InitFailedException("Chicory cannot decode the module: " + fault, e);
    } catch (AssertionError e) {
      // With assertions on (-ea, as in most test JVMs) Chicory 1.7.5's parser asserts on some
      // invalid control structure (an `else` without its `if`) before its validator can say so.
      throw new InitFailedException(
          "the module is invalid: Chicory's parser rejected its control structure", e);
    }
  }

  /** Phrases the refusal of a proposal the same way wherever it is detected. */
  private static String unsupported(String feature) {
    return "module uses "
        + feature
        + ", which the `"
        + ChicoryRuntime.NAME
        + "` runtime cannot execute here; use --runtime graal";
  }
}
