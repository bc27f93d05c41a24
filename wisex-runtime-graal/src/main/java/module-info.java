/**
 * The GraalWasm runtime backend (Truffle polyglot API). Found through {@link
 * java.util.ServiceLoader}; exports nothing. The wasm language itself is bound at run time as a
 * Truffle language provider.
 */
module dev.wisex.runtime.graal {
  requires dev.wisex.runtime.spi;
  requires dev.wisex.parser;
  requires org.graalvm.polyglot;

  provides dev.wisex.runtime.spi.WasmRuntime with
      dev.wisex.runtime.graal.GraalRuntime;
}
