package dev.wisex.runtime.node;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.WasmTrapException;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.FunctionType;
import dev.wisex.parser.Import;
import dev.wisex.parser.ValueType;
import dev.wisex.runtime.spi.BackendUnusableException;
import dev.wisex.runtime.spi.ExportFailures;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.ImportMatcher;
import dev.wisex.runtime.spi.ValType;
import dev.wisex.runtime.spi.WasmInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An instance living in a Node.js process of its own. Every request waits for its answer, and while
 * it waits the guest may call host functions: those run here, on the waiting thread, with memory 0
 * of this instance, and their results (or their failure, which unwinds the guest and is rethrown
 * unchanged) go back to Node.
 */
final class NodeInstance implements WasmInstance {
  private final NodeProcess process;
  private final NodeModule module;
  private final List<HostFunction> hostFunctions = new ArrayList<>();
  private final Map<String, NodeMemory> memories = new HashMap<>();
  private final NodeMemory memoryZero;
  private Throwable hostFailure;
  private long guestRuns;
  private int hostCalls;

  private NodeInstance(NodeProcess process, NodeModule module) {
    this.process = process;
    this.module = module;
    this.memoryZero = module.memoryExport() == null ? null : memoryNamed(module.memoryExport());
  }

  /** Starts Node, instantiates the module there and runs its start function. */
  static NodeInstance start(NodeProcess process, NodeModule module, HostImports imports) {
    NodeInstance instance = new NodeInstance(process, module);
    try {
      instance.instantiate(imports);
      return instance;
    } catch (RuntimeException | Error e) {
      instance.close();
      throw e;
    }
  }

  private void instantiate(HostImports imports) {
    ImportMatcher matcher = new ImportMatcher(imports);
    NodeProtocol.Out request = new NodeProtocol.Out(NodeProtocol.INSTANTIATE);
    byte[] bytes = module.prepared();
    request.u32(bytes.length).bytes(bytes, 0, bytes.length);
    // Functions are all it links (NodeModule refused memory imports); Node gets them by number.
    request.u32(module.imports().size());
    for (Import imported : module.imports()) {
      if (imported.kind() != ExternalKind.FUNCTION) {
        throw ImportMatcher.unsupported(imported.kind().word(), imported.qualifiedName());
      }
      FunctionType type = module.type(imported.functionTypeIndex());
      hostFunctions.add(matcher.function(imported.qualifiedName(), toSpi(type)));
      request.str(imported.module()).str(imported.name());
      request.types(codes(type.params())).types(codes(type.results()));
    }
    request.str(module.startExport() == null ? "" : module.startExport());
    request.str(module.memoryExport() == null ? "" : module.memoryExport());
    try {
      expect(request(request), NodeProtocol.OK);
    } catch (NodeProcess.Ended e) {
      // Node ended before it had instantiated anything: it cannot run modules here (a version too
      // old says so and exits), and the default chooses again without it.
      throw new BackendUnusableException(
          NodeRuntime.NAME, "runtime `node` cannot run here: " + e.getMessage(), e);
    }
  }

  @Override
  public long[] call(String export, long... args) {
    FunctionType type = module.functionType(exported(export, ExternalKind.FUNCTION));
    List<ValueType> exactParams = NodeModule.exact(type.params());
    List<ValueType> exactResults = NodeModule.exact(type.results());
    if (args.length != exactParams.size()) {
      throw ExportFailures.wrongArity(export, toSpi(type).describe(), args.length);
    }
    List<Integer> params = codes(exactParams);
    List<Integer> results = codes(exactResults);
    NodeProtocol.In answer =
        request(
            new NodeProtocol.Out(NodeProtocol.CALL)
                .str(module.callTarget(export))
                .values(params, args)
                .types(results));
    expect(answer, NodeProtocol.RESULT);
    long[] bits = answer.values();
    for (int i = 0; i < bits.length; i++) {
      if (exactResults.get(i) == ValueType.I32) {
        bits[i] &= 0xFFFF_FFFFL;
      }
    }
    return bits;
  }

  @Override
  public GlobalValue global(String export) {
    ValueType type = module.globalType(exported(export, ExternalKind.GLOBAL));
    String getter = module.globalGetter(export);
    ValType spi = toSpi(type);
    if (getter != null) {
      List<Integer> results = codes(NodeModule.exact(List.of(type)));
      NodeProtocol.In answer =
          request(
              new NodeProtocol.Out(NodeProtocol.CALL)
                  .str(getter)
                  .values(List.of(), new long[0])
                  .types(results));
      expect(answer, NodeProtocol.RESULT);
      long[] bits = answer.values();
      return type == ValueType.V128
          ? GlobalValue.v128(bits[0], bits[1])
          : new GlobalValue(spi, type == ValueType.F32 ? bits[0] & 0xFFFF_FFFFL : bits[0], 0);
    }
    NodeProtocol.In answer =
        request(new NodeProtocol.Out(NodeProtocol.GLOBAL).str(export).u8(type.code()));
    expect(answer, NodeProtocol.VALUE);
    long bits = answer.u64();
    return new GlobalValue(spi, type == ValueType.I32 ? bits & 0xFFFF_FFFFL : bits, 0);
  }

  @Override
  public GuestMemory memory(String export) {
    exported(export, ExternalKind.MEMORY);
    return memoryNamed(export);
  }

  /** The index of the module's own export of this name and kind. */
  private int exported(String name, ExternalKind kind) {
    Export export = module.export(name);
    if (export == null || export.kind() != kind) {
      throw ExportFailures.missing(kind.word(), name);
    }
    return export.index();
  }

  private NodeMemory memoryNamed(String export) {
    return memories.computeIfAbsent(export, name -> new NodeMemory(this, name));
  }

  /**
   * How many times guest code may have run in this instance: a count that changes whenever a
   * request or an answer lets it run, so that what was read of its memory before is known stale.
   */
  long guestRuns() {
    return guestRuns;
  }

  @Override
  public void close() {
    process.close();
  }

  /** Whether a host function is running, called by guest code now paused in Node. */
  boolean inHostCall() {
    return hostCalls > 0;
  }

  /** Sends a request that has no answer ({@link NodeProtocol#MEMORY_WRITE}). */
  void tell(NodeProtocol.Out request) {
    process.send(request.frame());
  }

  /**
   * Sends a request and returns its answer, serving the guest's calls of host functions meanwhile.
   *
   * @throws WasmTrapException if the guest trapped
   * @throws InitFailedException if V8 refused the module or Node failed
   */
  NodeProtocol.In request(NodeProtocol.Out request) {
    if (request.op() == NodeProtocol.INSTANTIATE || request.op() == NodeProtocol.CALL) {
      guestRuns++;
    }
    process.send(request.frame());
    for (; ; ) {
      NodeProtocol.In answer = process.receive();
      switch (answer.op()) {
        case NodeProtocol.HOST_CALL -> serveHostCall(answer);
        case NodeProtocol.ERROR -> throw failure(answer);
        default -> {
          return answer;
        }
      }
    }
  }

  private void serveHostCall(NodeProtocol.In call) {
    hostCalls++;
    try {
      answerHostCall(call);
    } finally {
      hostCalls--;
    }
  }

  private void answerHostCall(NodeProtocol.In call) {
    HostFunction function = hostFunctions.get(call.u32());
    long memoryZeroBytes = call.u64();
    if (memoryZero != null) {
      memoryZero.sizeIs(memoryZeroBytes);
    }
    long[] args = call.values();
    List<ValType> params = function.type().params();
    for (int i = 0; i < args.length; i++) {
      if (params.get(i) == ValType.I32 || params.get(i) == ValType.F32) {
        args[i] &= 0xFFFF_FFFFL;
      }
    }
    long[] returned;
    try {
      returned = function.checkedResults(function.handler().apply(memoryZero, args));
    } catch (RuntimeException | Error e) {
      hostFailure = e;
      guestRuns++;
      process.send(new NodeProtocol.Out(NodeProtocol.HOST_TRAP).frame());
      return;
    }
    guestRuns++;
    List<Integer> results = function.type().results().stream().map(ValType::code).toList();
    process.send(new NodeProtocol.Out(NodeProtocol.HOST_RETURN).values(results, returned).frame());
  }

  private RuntimeException failure(NodeProtocol.In error) {
    int kind = error.u8();
    String message = error.str();
    switch (kind) {
      case NodeProtocol.ERROR_HOST -> {
        Throwable failure = hostFailure;
        hostFailure = null;
        if (failure instanceof Error fatal) {
          throw fatal;
        }
        if (failure instanceof RuntimeException thrown) {
          return thrown;
        }
        return new IllegalStateException("a host function failed, but its failure was lost");
      }
      case NodeProtocol.ERROR_TRAP -> {
        return new WasmTrapException(message);
      }
      case NodeProtocol.ERROR_STACK -> {
        return new WasmTrapException("call stack exhausted");
      }
      case NodeProtocol.ERROR_COMPILE, NodeProtocol.ERROR_LINK -> {
        return new InitFailedException("V8 cannot instantiate the module: " + message);
      }
      default -> {
        return new InitFailedException("the Node.js host failed: " + message);
      }
    }
  }

  private static void expect(NodeProtocol.In answer, int op) {
    if (answer.op() != op) {
      throw new IllegalStateException(
          "Node answered " + Integer.toHexString(answer.op()) + " to a request for " + op);
    }
  }

  private static List<Integer> codes(List<ValueType> types) {
    return types.stream().map(ValueType::code).toList();
  }

  static FuncType toSpi(FunctionType type) {
    return FuncType.of(
        type.params().stream().map(NodeInstance::toSpi).toList(),
        type.results().stream().map(NodeInstance::toSpi).toList());
  }

  private static ValType toSpi(ValueType type) {
    return ValType.ofCode(type.code()).orElse(ValType.EXTERNREF);
  }
}
