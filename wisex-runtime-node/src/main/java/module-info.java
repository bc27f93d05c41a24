/**
 * The Node.js runtime backend: init runs in V8, in a Node.js process this backend starts, with
 * every import answered in this JVM. Found through {@link java.util.ServiceLoader}; exports
 * nothing.
 */
module dev.wisex.runtime.node {
  requires dev.wisex.runtime.spi;
  requires dev.wisex.parser;
  requires org.apache.logging.log4j;

  provides dev.wisex.runtime.spi.WasmRuntime with
      dev.wisex.runtime.node.NodeRuntime;
}
