package dev.wisex.runtime.chicory;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import dev.wisex.runtime.spi.ExportFailures;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Looks exports up by name and kind, failing with wisex's message rather than Chicory's. */
final class ExportIndex {
  private final Map<String, Export> byName = new HashMap<>();

  ExportIndex(WasmModule module) {
    ExportSection exports = module.exportSection();
    for (int i = 0; i < exports.exportCount(); i++) {
      Export export = exports.getExport(i);
      byName.put(export.name(), export);
    }
  }

  /** The index of the exported item of this kind, in the module's index space for that kind. */
  int indexOf(String name, ExternalType kind) {
    Export export = byName.get(name);
    if (export == null || export.exportType() != kind) {
      throw ExportFailures.missing(kind.name().toLowerCase(Locale.ROOT), name);
    }
    return export.index();
  }
}
