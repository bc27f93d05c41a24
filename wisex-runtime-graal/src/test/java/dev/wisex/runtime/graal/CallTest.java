package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.Wat;
import dev.wisex.testkit.conformance.RuntimeUnderTest;
import org.junit.jupiter.api.Test;

/** Calls on GraalWasm beyond the kit's: a closed context, and guest code on its own large stack. */
class CallTest implements RuntimeUnderTest {
  @Override
  public WasmRuntime runtime() {
    return Fixtures.RUNTIME;
  }

  @Test
  void aClosedInstanceCannotBeCalled() {
    WasmInstance instance = instantiate("numbers");
    instance.close();
    instance.close();
    assertThrows(RuntimeException.class, () -> instance.call("nothing"));
  }

  /**
   * Deeper than a cold GraalWasm gets on the test JVM's 8 MiB stack: guest code runs on a larger
   * one.
   */
  @Test
  void deepRecursionRunsOnALargeStack() {
    byte[] deep = Wat.resource(CallTest.class, "/wat/deep.wat");
    WasmInstance instance =
        Fixtures.RUNTIME.instantiate(deep, HostImports.none(), InstanceConfig.defaults());
    assertArrayEquals(new long[] {10_000}, instance.call("depth", 10_000));
  }
}
