/**
 * The runtime SPI: a backend implements {@link dev.wisex.runtime.spi.WasmRuntime} and declares it
 * with {@code provides} and {@code META-INF/services}; wisex finds it with {@link
 * java.util.ServiceLoader}.
 */
module dev.wisex.runtime.spi {
  requires transitive dev.wisex.api;

  exports dev.wisex.runtime.spi;

  uses dev.wisex.runtime.spi.WasmRuntime;
}
