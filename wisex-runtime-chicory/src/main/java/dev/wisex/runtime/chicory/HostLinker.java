package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import dev.wisex.runtime.spi.FuncType;
import dev.wisex.runtime.spi.HostFunction;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.ImportMatcher;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds Chicory's import values from the host's functions and memories, each found and checked by
 * the SPI's {@link ImportMatcher} before Chicory sees it, so that a missing or mistyped import is
 * reported by its name and signature instead of by Chicory's import number.
 */
final class HostLinker {
  private HostLinker() {}

  static ImportValues link(WasmModule module, HostImports imports) {
    ImportMatcher matcher = new ImportMatcher(imports);
    ImportValues.Builder values = ImportValues.builder();
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Import imported = module.importSection().getImport(i);
      String name = imported.module() + "." + imported.name();
      if (imported.importType() == ExternalType.MEMORY) {
        values.addMemory(MemoryLinker.link((MemoryImport) imported, matcher));
        continue;
      }
      if (imported.importType() != ExternalType.FUNCTION) {
        throw ImportMatcher.unsupported(
            imported.importType().name().toLowerCase(Locale.ROOT), name);
      }
      FunctionType type = module.typeSection().getType(((FunctionImport) imported).typeIndex());
      Optional<FuncType> expected = ValTypes.toSpi(type);
      HostFunction host = matcher.function(name, expected.orElse(null));
      if (expected.isEmpty()) {
        throw ImportMatcher.typeMismatch(name, ValTypes.describe(type), host);
      }
      values.addFunction(HostFunctionAdapter.adapt(host));
    }
    return values.build();
  }
}
