package dev.wisex.runtime.chicory;

import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.ImportMatcher;

/**
 * Checks the host memory for one memory import (found by the SPI's {@link ImportMatcher}) against
 * the import's type, so that a mismatch names the import and both types instead of surfacing as
 * Chicory's link error.
 */
final class MemoryLinker {
  private MemoryLinker() {}

  static ImportMemory link(MemoryImport imported, ImportMatcher matcher) {
    String name = imported.module() + "." + imported.name();
    ChicoryHostMemory memory = matcher.memory(name, ChicoryHostMemory.class, ChicoryRuntime.NAME);
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
