package dev.wisex.rewriter.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.wisex.api.MapDir;
import dev.wisex.api.WisexOptions;
import dev.wisex.rewriter.Preinitializer;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host layer is written once against the SPI: every available backend must produce exactly the
 * bytes Chicory produces for the same WASI-using init.
 */
class WasiAcrossBackendsTest {
  @TempDir Path dir;

  @Test
  void everyBackendGivesTheSameOutput() throws Exception {
    Files.writeString(dir.resolve("input.txt"), "hello file");
    Files.createDirectories(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/deep.txt"), "deep");
    List<WasmRuntime> runtimes = RuntimeRegistry.discover().available();
    for (String name : List.of("args_env", "clock_random", "files", "wasix")) {
      byte[] module = WasiRun.wat(name);
      WisexOptions.Builder options =
          WasiRun.options().env("K", "V").mapDir(new MapDir("/data", dir));
      byte[] expected =
          new Preinitializer(options.runtime("chicory").build()).preinitialize(module).module();
      for (WasmRuntime runtime : runtimes) {
        byte[] actual =
            new Preinitializer(options.runtime(runtime.name()).build())
                .preinitialize(module)
                .module();
        assertArrayEquals(expected, actual, name + " on " + runtime.name());
      }
    }
  }
}
