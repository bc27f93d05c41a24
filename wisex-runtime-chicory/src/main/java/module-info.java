/**
 * The Chicory runtime backend (pure Java). Found through {@link java.util.ServiceLoader}; exports
 * nothing.
 */
module dev.wisex.runtime.chicory {
  requires dev.wisex.runtime.spi;
  requires dev.wisex.parser;
  requires com.dylibso.chicory.runtime;
  requires com.dylibso.chicory.wasm;
  requires com.dylibso.chicory.compiler;
  requires org.apache.logging.log4j;

  provides dev.wisex.runtime.spi.WasmRuntime with
      dev.wisex.runtime.chicory.ChicoryRuntime;
}
