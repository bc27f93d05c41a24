package dev.wisex.runtime.graal;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.HostMemory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Matches the module's imports against the host functions before GraalWasm does, so that a missing
 * or mistyped import is reported by its name and signature, and builds the import object GraalWasm
 * links.
 */
final class HostLinker {
  private static final String[] KINDS = {"function", "table", "memory", "global", "tag"};

  private HostLinker() {}

  static ProxyObject link(
      ModuleInfo module, HostImports imports, Supplier<GuestMemory> memory, Context context) {
    Map<String, HostFunction> byName = new LinkedHashMap<>();
    for (HostFunction function : imports.functions()) {
      // The first declaration wins, as it does in the Chicory backend.
      byName.putIfAbsent(function.qualifiedName(), function);
    }
    Map<String, Map<String, Object>> modules = new LinkedHashMap<>();
    for (ModuleInfo.Import imported : module.imports()) {
      String name = imported.qualifiedName();
      if (imported.kind() == ModuleInfo.MEMORY) {
        modules
            .computeIfAbsent(imported.module(), m -> new HashMap<>())
            .put(imported.name(), hostMemory(imports, name).bindTo(context, name));
        continue;
      }
      if (imported.kind() != ModuleInfo.FUNC) {
        String kind = imported.kind() < KINDS.length ? KINDS[imported.kind()] : "item";
        throw new InitFailedException(
            "module imports the "
                + kind
                + " `"
                + name
                + "`, but the host provides only functions and memories");
      }
      HostFunction host = byName.get(name);
      if (host == null) {
        throw new InitFailedException(
            "module imports the function `" + name + "`, which the host does not provide");
      }
      FuncType expected = module.type(imported.typeIndex());
      if (expected != null && !expected.equals(host.type())) {
        throw new InitFailedException(
            "module imports `"
                + name
                + "` as "
                + Values.describe(expected)
                + ", but the host function has type "
                + Values.describe(host.type()));
      }
      modules
          .computeIfAbsent(imported.module(), m -> new HashMap<>())
          .put(imported.name(), new HostFunctionAdapter(host, memory));
    }
    Map<String, Object> object = new HashMap<>();
    modules.forEach((name, functions) -> object.put(name, ProxyObject.fromMap(functions)));
    return ProxyObject.fromMap(object);
  }

  private static GraalHostMemory hostMemory(HostImports imports, String name) {
    HostMemory memory =
        imports.memories().stream()
            .filter(m -> m.qualifiedName().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new InitFailedException(
                        "module imports the memory `"
                            + name
                            + "`, which the host does not provide"))
            .memory();
    if (!(memory instanceof GraalHostMemory graal)) {
      throw new InitFailedException(
          "the memory for `"
              + name
              + "` was not created by the `"
              + GraalRuntime.NAME
              + "` runtime; create it with that runtime's newMemory");
    }
    return graal;
  }
}
