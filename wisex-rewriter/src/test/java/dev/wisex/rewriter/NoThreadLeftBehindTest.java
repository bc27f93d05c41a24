package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisex.api.WisexOptions;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A library call leaves no thread of its own running once it returns, on any backend: embedders
 * wait for or complain about such threads ({@code exec:java} waited 15 s for the run timer of the
 * README's library project, then reported it as lingering). The reference is the JVM's own list of
 * live threads.
 */
class NoThreadLeftBehindTest {
  private static final String MODULE =
      """
      (module (memory (export "memory") 1) (global $g (export "g") (mut i32) (i32.const 0))
        (func (export "wizex.initialize") (global.set $g (i32.const 7))
          (i32.store (i32.const 64) (i32.const 42))))
      """;

  static Stream<String> backends() {
    return RuntimeRegistry.discover().available().stream().map(WasmRuntime::name);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void everyWisexThreadEndsSoonAfterTheCallReturns(String backend) throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    new Preinitializer(WisexOptions.builder().runtime(backend).verify(true).build())
        .preinitialize(Wat.assemble(MODULE));

    List<String> lingering = List.of();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      lingering =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !before.contains(t) && t.isAlive())
              .filter(t -> t.getName().startsWith("wisex-"))
              .map(Thread::getName)
              .toList();
      if (lingering.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(List.of(), lingering, "wisex threads still alive 10 s after the call returned");
  }
}
