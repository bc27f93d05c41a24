package dev.wisex.runtime.graal;

import dev.wisex.api.InitFailedException;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.runtime.spi.ExportFailures;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A started GraalWasm instance behind the SPI. It owns its polyglot {@link Context}, closed with
 * the instance.
 *
 * <p>A v128 result of {@link #call} comes back as two longs, low half first; v128 arguments cannot
 * be passed.
 */
final class GraalInstance implements WasmInstance {
  private static final long[] NO_RESULTS = new long[0];

  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final Context context;
  private final ModuleInfo module;
  private Value exports;

  GraalInstance(Context context, ModuleInfo module) {
    this.context = context;
    this.module = module;
  }

  /** Called once instantiation returned; the instance answers nothing before. */
  void started(Value instanceExports) {
    this.exports = instanceExports;
  }

  /**
   * Memory 0 of this instance, as host functions receive it, or {@code null} without memory or
   * before start.
   */
  GuestMemory memoryZero() {
    String name = module.memoryExport();
    if (name == null || exports == null) {
      return null;
    }
    return new GraalMemory(exports.getMember(name));
  }

  /** Runs the start function, which {@link ModuleInfo} moved to a reserved export. */
  void runStart() {
    String start = module.startExport();
    if (start != null) {
      Failures.executing(() -> exports.getMember(start).execute());
    }
  }

  @Override
  public long[] call(String export, long... args) {
    int function = indexOf(export, ExternalKind.FUNCTION);
    FuncType type = module.functionType(function);
    if (type == null) {
      throw new InitFailedException(
          "cannot read the signature of exported function `" + export + "`");
    }
    if (args.length != type.params().size()) {
      throw ExportFailures.wrongArity(export, type.describe(), args.length);
    }
    Object[] arguments = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      arguments[i] =
          Values.toGuest(type.params().get(i), args[i], "argument " + i + " of `" + export + "`");
    }
    Value result =
        GuestThreads.run(
            () -> Failures.executing(() -> exports.getMember(export).execute(arguments)),
            this::stopGuest);
    String where = "result of `" + export + "`";
    return switch (type.results().size()) {
      case 0 -> NO_RESULTS;
      case 1 -> result(type.results().get(0), result, where);
      default -> {
        long[][] parts = new long[type.results().size()][];
        int total = 0;
        for (int i = 0; i < parts.length; i++) {
          parts[i] = result(type.results().get(i), result.getArrayElement(i), where);
          total += parts[i].length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] part : parts) {
          System.arraycopy(part, 0, all, at, part.length);
          at += part.length;
        }
        yield all;
      }
    };
  }

  private static long[] result(ValType type, Value value, String where) {
    if (type == ValType.V128) {
      return new long[] {
        value.readBufferLong(ByteOrder.LITTLE_ENDIAN, 0),
        value.readBufferLong(ByteOrder.LITTLE_ENDIAN, 8)
      };
    }
    return new long[] {Values.fromGuest(value, where)};
  }

  @Override
  public GlobalValue global(String export) {
    int index = indexOf(export, ExternalKind.GLOBAL);
    Value value;
    try {
      value = exports.getMember(export).getMember("value");
    } catch (PolyglotException e) {
      throw Failures.duringExecution(e);
    }
    String where = "global `" + export + "`";
    if (value == null) {
      throw new InitFailedException(where + " cannot be read through GraalWasm");
    }
    if (value.hasBufferElements() && value.getBufferSize() == 16) {
      return GlobalValue.v128(
          value.readBufferLong(ByteOrder.LITTLE_ENDIAN, 0),
          value.readBufferLong(ByteOrder.LITTLE_ENDIAN, 8));
    }
    Object boxed = value.isNull() ? null : value.as(Object.class);
    if (boxed instanceof Integer i) {
      return GlobalValue.i32(i);
    }
    if (boxed instanceof Long l) {
      return GlobalValue.i64(l);
    }
    if (boxed instanceof Float f) {
      return GlobalValue.f32Bits(Float.floatToRawIntBits(f));
    }
    if (boxed instanceof Double d) {
      return GlobalValue.f64Bits(Double.doubleToRawLongBits(d));
    }
    ValType declared = module.globalType(index);
    if (declared == ValType.FUNCREF || declared == ValType.EXTERNREF) {
      return new GlobalValue(declared, Values.fromGuest(value, where), 0);
    }
    throw new InitFailedException(where + " holds " + value + ", which wisex cannot read");
  }

  @Override
  public GuestMemory memory(String export) {
    indexOf(export, ExternalKind.MEMORY);
    return new GraalMemory(exports.getMember(export));
  }

  private int indexOf(String name, ExternalKind kind) {
    Export export = module.export(name);
    if (export == null || export.kind() != kind) {
      throw ExportFailures.missing(kind.word(), name);
    }
    return export.index();
  }

  Context context() {
    return context;
  }

  /**
   * Ends the guest code running in this instance's context, from another thread: an interrupt first
   * (the context stays usable), a cancel if the guest does not reach a safepoint in time.
   */
  void stopGuest() {
    try {
      context.interrupt(STOP_WAIT);
    } catch (TimeoutException | PolyglotException | IllegalStateException e) {
      try {
        context.close(true);
      } catch (PolyglotException | IllegalStateException closing) {
        // Already closed: nothing runs in it any more.
      }
    }
  }

  @Override
  public void close() {
    try {
      context.close();
    } catch (PolyglotException | IllegalStateException e) {
      // Closing from inside a guest call, or twice: nothing left to release that close() could.
    }
  }
}
