package dev.wisex.runtime.spi;

import dev.wisex.api.InitFailedException;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the host's entry for each import of a module and checks it, so that every backend refuses a
 * missing, mistyped or foreign import with the same message, naming the import, before its engine
 * reports it by import number. A backend reads its module's imports its own way and asks this class
 * about each one.
 */
public final class ImportMatcher {
  private final HostImports imports;
  private final Map<String, HostFunction> functions = new HashMap<>();

  public ImportMatcher(HostImports imports) {
    this.imports = imports;
    // The first declaration of a name wins, as it does in Chicory's own lookup.
    imports.functions().forEach(f -> functions.putIfAbsent(f.qualifiedName(), f));
  }

  /**
   * The host function for a function import.
   *
   * @param qualifiedName the import's {@code module.name}
   * @param expected the import's type, or {@code null} if the backend could not read it (then the
   *     engine checks it)
   * @throws InitFailedException if the host does not provide it or gives it another type
   */
  public HostFunction function(String qualifiedName, FuncType expected) {
    HostFunction host = functions.get(qualifiedName);
    if (host == null) {
      throw new InitFailedException(
          "module imports the function `" + qualifiedName + "`, which the host does not provide");
    }
    if (expected != null && !expected.equals(host.type())) {
      throw typeMismatch(qualifiedName, expected.describe(), host);
    }
    return host;
  }

  /**
   * The refusal of a function import whose type the SPI cannot spell (a typed reference): no host
   * function can have it.
   *
   * @param expected the import's type as the backend spells it, e.g. {@code (i32) -> ()}
   */
  public static InitFailedException typeMismatch(
      String qualifiedName, String expected, HostFunction host) {
    return new InitFailedException(
        "module imports `"
            + qualifiedName
            + "` as "
            + expected
            + ", but the host function has type "
            + host.type().describe());
  }

  /**
   * The host memory for a memory import, which must be one this backend created.
   *
   * @param backendMemory the class of the backend's {@link HostMemory}
   * @param runtimeName the backend's {@link WasmRuntime#name()}
   * @throws InitFailedException if the host does not provide it or another runtime created it
   */
  public <M extends HostMemory> M memory(
      String qualifiedName, Class<M> backendMemory, String runtimeName) {
    HostMemory memory =
        imports.memories().stream()
            .filter(m -> m.qualifiedName().equals(qualifiedName))
            .findFirst()
            .orElseThrow(
                () ->
                    new InitFailedException(
                        "module imports the memory `"
                            + qualifiedName
                            + "`, which the host does not provide"))
            .memory();
    if (!backendMemory.isInstance(memory)) {
      throw new InitFailedException(
          "the memory for `"
              + qualifiedName
              + "` was not created by the `"
              + runtimeName
              + "` runtime; create it with that runtime's newMemory");
    }
    return backendMemory.cast(memory);
  }

  /**
   * The refusal of an import the host cannot provide at all: a table, global or tag.
   *
   * @param kind the import's kind as the binary format's text spells it: "table", "global", "tag"
   */
  public static InitFailedException unsupported(String kind, String qualifiedName) {
    return new InitFailedException(
        "module imports the "
            + kind
            + " `"
            + qualifiedName
            + "`, but the host provides only functions and memories");
  }
}
