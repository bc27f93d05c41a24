package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Matches the module's imports against the host functions and memories before Chicory does, so that
 * a missing or mistyped import is reported by its name and signature instead of by Chicory's import
 * number.
 */
final class HostLinker {
  private HostLinker() {}

  static ImportValues link(WasmModule module, HostImports imports) {
    Map<String, HostFunction> byName = new LinkedHashMap<>();
    for (HostFunction function : imports.functions()) {
      // The first declaration wins, as it does in Chicory's own lookup.
      byName.putIfAbsent(function.qualifiedName(), function);
    }
    ImportValues.Builder values = ImportValues.builder();
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Import imported = module.importSection().getImport(i);
      String name = imported.module() + "." + imported.name();
      if (imported.importType() == ExternalType.MEMORY) {
        values.addMemory(MemoryLinker.link((MemoryImport) imported, imports));
        continue;
      }
      if (imported.importType() != ExternalType.FUNCTION) {
        throw new InitFailedException(
            "module imports the "
                + imported.importType().name().toLowerCase(Locale.ROOT)
                + " `"
                + name
                + "`, but the host provides only functions and memories");
      }
      HostFunction host = byName.get(name);
      if (host == null) {
        throw new InitFailedException(
            "module imports the function `" + name + "`, which the host does not provide");
      }
      FunctionType expected = module.typeSection().getType(((FunctionImport) imported).typeIndex());
      FunctionType provided = ValTypes.toChicory(host.type());
      if (!provided.equals(expected)) {
        throw new InitFailedException(
            "module imports `"
                + name
                + "` as "
                + ValTypes.describe(expected)
                + ", but the host function has type "
                + ValTypes.describe(provided));
      }
      values.addFunction(HostFunctionAdapter.adapt(host));
    }
    return values.build();
  }
}
