package dev.wisex.runtime.spi;

import dev.wisex.api.InitFailedException;
import java.util.Objects;

/** A function the host provides for one import, declared without any engine type. */
public record HostFunction(String module, String name, FuncType type, HostHandler handler) {
  private static final long[] NO_RESULTS = new long[0];

  public HostFunction {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handler, "handler");
  }

  /** {@code module.name}, as messages spell an import. */
  public String qualifiedName() {
    return module + "." + name;
  }

  /**
   * What the handler returned, checked against this function's type before a backend hands it to
   * the guest (an engine pushes whatever it is given): one value per declared result, {@code null}
   * read as none.
   *
   * @return the results; an empty array (shared: never written) for {@code null}
   * @throws InitFailedException if their count is not the type's
   */
  public long[] checkedResults(long[] returned) {
    int count = returned == null ? 0 : returned.length;
    if (count != type.results().size()) {
      throw new InitFailedException(
          "host function `"
              + qualifiedName()
              + "` returned "
              + count
              + " values, but its type declares "
              + type.results().size());
    }
    return returned == null ? NO_RESULTS : returned;
  }
}
