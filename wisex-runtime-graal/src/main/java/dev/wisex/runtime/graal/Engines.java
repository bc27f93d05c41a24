package dev.wisex.runtime.graal;

import dev.wisex.api.ExecutionMode;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.Availability;
import org.graalvm.polyglot.Engine;

/**
 * The polyglot engines of this process, started on first use and shared by every instance (each
 * instance gets its own context): an engine caches parsed modules and, on an optimizing Truffle
 * runtime, compiled code. A second engine with compilation switched off exists only if execution
 * mode {@code INTERPRETER} is asked for on such a runtime. Engines live as long as the JVM.
 */
final class Engines {
  static final Engines SHARED = new Engines();

  /**
   * Truffle's name for the runtime that only interprets (stock OpenJDK without JVMCI and Graal
   * compiler).
   */
  private static final String INTERPRETED = "Interpreted";

  private Engine shared;
  private Engine interpreterOnly;
  private String failure;

  /** Why the engine could not start, once it was tried, or {@code null}. */
  synchronized Availability lastFailure() {
    return failure == null ? null : Availability.no(failure);
  }

  synchronized Engine forMode(ExecutionMode mode) {
    Engine engine = shared();
    boolean optimizing = !INTERPRETED.equals(engine.getImplementationName());
    return switch (mode) {
      case AUTO -> engine;
      case COMPILER -> {
        if (!optimizing) {
          throw new InitFailedException(
              "execution mode COMPILER needs the optimizing Truffle runtime (a GraalVM JDK, or truffle-runtime with"
                  + " JVMCI enabled); on this JVM GraalWasm only interprets: use execution mode AUTO or INTERPRETER");
        }
        yield engine;
      }
      case INTERPRETER -> {
        if (!optimizing) {
          yield engine;
        }
        if (interpreterOnly == null) {
          interpreterOnly = start(true);
        }
        yield interpreterOnly;
      }
    };
  }

  private Engine shared() {
    if (shared == null) {
      if (failure != null) {
        throw new InitFailedException("GraalWasm is not available: " + failure);
      }
      shared = start(false);
    }
    return shared;
  }

  private Engine start(boolean interpreterOnly) {
    Engine engine;
    try {
      Engine.Builder builder =
          Engine.newBuilder("wasm")
              // Documented switch for the "[engine] WARNING: The polyglot engine uses a fallback
              // runtime" line printed on a JVM without the optimizing runtime: interpreting is this
              // backend's normal mode there.
              .option("engine.WarnInterpreterOnly", "false");
      if (interpreterOnly) {
        builder.option("engine.Compilation", "false");
      }
      engine = builder.build();
    } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
      failure = "the polyglot engine cannot start: " + Failures.describe(e);
      throw new InitFailedException("GraalWasm is not available: " + failure, e);
    }
    if (!engine.getLanguages().containsKey("wasm")) {
      engine.close();
      failure = "the polyglot `wasm` language is not installed (add org.graalvm.polyglot:wasm)";
      throw new InitFailedException("GraalWasm is not available: " + failure);
    }
    return engine;
  }
}
