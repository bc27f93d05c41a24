package dev.wisex.runtime.graal;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostHandler;
import dev.wisex.runtime.spi.ValType;
import java.util.List;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Presents an SPI host function to GraalWasm as a {@link ProxyExecutable}: arguments arrive as
 * boxed polyglot values and leave as raw bits, results go back boxed by their declared type
 * (several as an array). Whatever the handler throws passes through GraalWasm as a host exception
 * and is rethrown unchanged by the caller.
 */
final class HostFunctionAdapter implements ProxyExecutable {
  private final HostFunction function;
  private final HostHandler handler;
  private final String qualifiedName;
  private final List<ValType> params;
  private final List<ValType> results;
  private final Supplier<GuestMemory> memory;

  HostFunctionAdapter(HostFunction function, Supplier<GuestMemory> memory) {
    this.function = function;
    this.handler = function.handler();
    this.qualifiedName = function.qualifiedName();
    this.params = function.type().params();
    this.results = function.type().results();
    this.memory = memory;
  }

  @Override
  public Object execute(Value... arguments) {
    if (arguments.length != params.size()) {
      throw new InitFailedException(
          "host function `"
              + qualifiedName
              + "` received "
              + arguments.length
              + " arguments, but its type declares "
              + params.size());
    }
    long[] args = new long[arguments.length];
    for (int i = 0; i < args.length; i++) {
      args[i] =
          Values.fromGuest(
              params.get(i), arguments[i], "argument " + i + " of `" + qualifiedName + "`");
    }
    long[] returned = function.checkedResults(handler.apply(memory.get(), args));
    int count = returned.length;
    String where = "result of `" + qualifiedName + "`";
    if (count == 0) {
      return null;
    }
    if (count == 1) {
      return Values.toGuest(results.get(0), returned[0], where);
    }
    Object[] boxed = new Object[count];
    for (int i = 0; i < count; i++) {
      boxed[i] = Values.toGuest(results.get(i), returned[i], where);
    }
    return ProxyArray.fromArray(boxed);
  }
}
