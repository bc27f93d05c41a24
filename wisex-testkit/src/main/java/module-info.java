/**
 * Test support: assembles WAT text into Wasm binaries in pure Java, with every proposal enabled,
 * and holds the conformance kit ({@code dev.wisex.testkit.conformance}) that every runtime backend
 * runs against the SPI.
 */
module dev.wisex.testkit {
  requires com.dylibso.chicory.runtime;
  requires com.dylibso.chicory.wasm;
  requires com.dylibso.chicory.wasi;
  requires wabt;
  requires com.google.common.jimfs;
  requires transitive dev.wisex.runtime.spi;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;

  exports dev.wisex.testkit;
  exports dev.wisex.testkit.conformance;

  // The discovery contract looks the runtime under test up as ServiceLoader would.
  uses dev.wisex.runtime.spi.WasmRuntime;

  // JUnit reads the kit's test methods and argument sources reflectively.
  opens dev.wisex.testkit.conformance to
      org.junit.platform.commons;
}
