/**
 * Test support: assembles WAT text into Wasm binaries in pure Java, with every proposal enabled.
 */
module dev.wisex.testkit {
  requires com.dylibso.chicory.runtime;
  requires com.dylibso.chicory.wasm;
  requires com.dylibso.chicory.wasi;
  requires wabt;
  requires com.google.common.jimfs;

  exports dev.wisex.testkit;
}
