package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.HostMemory;

/**
 * Finds the host memory for one memory import and checks it against the import's type, so that a
 * mismatch names the import and both types instead of surfacing as Chicory's link error.
 */
final class MemoryLinker {
  private MemoryLinker() {}

  static ImportMemory link(MemoryImport imported, HostImports imports) {
    String name = imported.module() + "." + imported.name();
    HostMemory host =
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
    if (!(host instanceof ChicoryHostMemory memory)) {
      throw new InitFailedException(
          "the memory for `"
              + name
              + "` was not created by the `"
              + ChicoryRuntime.NAME
              + "` runtime; create it with that runtime's newMemory");
    }
    MemoryLimits wanted = imported.limits();
    var have = memory.memory();
    boolean fits =
        have.pages() >= wanted.initialPages()
            && have.maximumPages() <= wanted.maximumPages()
            && have.shared() == wanted.shared();
    if (!fits) {
      throw new InitFailedException(
          "module imports the memory `"
              + name
              + "` as "
              + wanted
              + ", but the host memory has "
              + have.pages()
              + " pages, maximum "
              + have.maximumPages()
              + (have.shared() ? ", shared" : ", not shared"));
    }
    return new ImportMemory(imported.module(), imported.name(), have);
  }
}
