/**
 * An example third-party backend: declares its provider with {@code provides} (module path) and in
 * {@code META-INF/services} (class path), which is all a plugin needs.
 */
module dev.wisex.runtime.example {
  requires transitive dev.wisex.runtime.spi;

  exports dev.wisex.runtime.example;

  uses dev.wisex.runtime.spi.WasmRuntime;

  provides dev.wisex.runtime.spi.WasmRuntime with
      dev.wisex.runtime.example.ForwardingRuntime;
}
