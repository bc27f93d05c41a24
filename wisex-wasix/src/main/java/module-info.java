/**
 * WASI preview1 and WASIX host functions for init: declarative tables per namespace, a
 * deterministic clock and random source, and a file system sandbox on Jimfs into which {@code
 * --dir}/{@code --mapdir} trees are copied, so that init can never change or depend on the live
 * host beyond what the user handed in.
 */
module dev.wisex.wasix {
  // The options' own types (MapDir, StdioStreams) configure the host: no twins of them here.
  requires transitive dev.wisex.api;
  requires transitive dev.wisex.runtime.spi;
  requires com.google.common.jimfs;
  // Jimfs is an automatic module, which declares no dependencies of its own: without this, an
  // application on the module path never resolves Guava, which Jimfs needs (NoClassDefFoundError).
  requires com.google.common;
  requires org.apache.logging.log4j;

  exports dev.wisex.wasix;
  exports dev.wisex.wasix.config;
}
