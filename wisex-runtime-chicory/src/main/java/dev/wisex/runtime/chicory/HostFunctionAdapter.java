package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostHandler;
import dev.wisex.runtime.spi.ValType;
import java.util.List;

/** Presents an SPI host function to Chicory, so that handlers never see an engine type. */
final class HostFunctionAdapter {

  private final dev.wisex.runtime.spi.HostFunction function;
  private final HostHandler handler;
  private final boolean[] narrowParams;

  private HostFunctionAdapter(dev.wisex.runtime.spi.HostFunction function) {
    this.function = function;
    this.handler = function.handler();
    List<ValType> params = function.type().params();
    this.narrowParams = new boolean[params.size()];
    for (int i = 0; i < narrowParams.length; i++) {
      narrowParams[i] = params.get(i) == ValType.I32 || params.get(i) == ValType.F32;
    }
  }

  static HostFunction adapt(dev.wisex.runtime.spi.HostFunction function) {
    HostFunctionAdapter adapter = new HostFunctionAdapter(function);
    return new HostFunction(
        function.module(), function.name(), ValTypes.toChicory(function.type()), adapter::invoke);
  }

  private long[] invoke(Instance instance, long... args) {
    try {
      // Chicory pushes whatever it is given: a wrong count would corrupt the guest's operand stack.
      return function.checkedResults(handler.apply(memoryOf(instance), zeroExtend32(args)));
    } catch (RuntimeException e) {
      throw new HostFailure(e);
    }
  }

  // Chicory passes 32-bit values sign-extended; handlers get the convention call results and
  // globals use.
  private long[] zeroExtend32(long[] args) {
    for (int i = 0; i < args.length && i < narrowParams.length; i++) {
      if (narrowParams[i]) {
        args[i] &= 0xFFFF_FFFFL;
      }
    }
    return args;
  }

  private static GuestMemory memoryOf(Instance instance) {
    Memory memory;
    try {
      memory = instance.memory();
    } catch (ChicoryException e) {
      return null;
    }
    return memory == null ? null : new ChicoryMemory(memory);
  }
}
