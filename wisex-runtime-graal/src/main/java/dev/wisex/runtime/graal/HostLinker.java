package dev.wisex.runtime.graal;

import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Import;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.ImportMatcher;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Builds the import object GraalWasm links from the host's functions and memories, each found and
 * checked by the SPI's {@link ImportMatcher} before GraalWasm sees it, so that a missing or
 * mistyped import is reported by its name and signature.
 */
final class HostLinker {
  private HostLinker() {}

  static ProxyObject link(
      ModuleInfo module, HostImports imports, Supplier<GuestMemory> memory, Context context) {
    ImportMatcher matcher = new ImportMatcher(imports);
    Map<String, Map<String, Object>> modules = new LinkedHashMap<>();
    for (Import imported : module.imports()) {
      String name = imported.qualifiedName();
      Object value;
      if (imported.kind() == ExternalKind.MEMORY) {
        value =
            matcher.memory(name, GraalHostMemory.class, GraalRuntime.NAME).bindTo(context, name);
      } else if (imported.kind() == ExternalKind.FUNCTION) {
        HostFunction host = matcher.function(name, module.type(imported.functionTypeIndex()));
        value = new HostFunctionAdapter(host, memory);
      } else {
        throw ImportMatcher.unsupported(imported.kind().word(), name);
      }
      modules.computeIfAbsent(imported.module(), m -> new HashMap<>()).put(imported.name(), value);
    }
    Map<String, Object> object = new HashMap<>();
    modules.forEach((name, functions) -> object.put(name, ProxyObject.fromMap(functions)));
    return ProxyObject.fromMap(object);
  }
}
