package dev.wisex.runtime.spi;

import dev.wisex.api.RuntimeSelectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The discovered backends and the one rule that picks among them: an explicit name wins; otherwise
 * the available backend with the highest priority that has every capability the module needs, ties
 * by name.
 */
public final class RuntimeRegistry {
  private static final Comparator<WasmRuntime> PREFERENCE =
      Comparator.comparingInt(WasmRuntime::priority).reversed().thenComparing(WasmRuntime::name);

  private final List<WasmRuntime> runtimes;

  public RuntimeRegistry(List<WasmRuntime> runtimes) {
    List<WasmRuntime> sorted = new ArrayList<>(runtimes);
    sorted.sort(PREFERENCE);
    this.runtimes = List.copyOf(sorted);
  }

  /** Backends visible to this module's class loader or module layer. */
  public static RuntimeRegistry discover() {
    return load(ServiceLoader.load(WasmRuntime.class, RuntimeRegistry.class.getClassLoader()));
  }

  /** Backends found by the given loader; tests inject their own. */
  public static RuntimeRegistry load(ServiceLoader<WasmRuntime> loader) {
    List<WasmRuntime> found = new ArrayList<>();
    loader.forEach(found::add);
    return new RuntimeRegistry(found);
  }

  /** Every discovered backend, most preferred first. */
  public List<WasmRuntime> all() {
    return runtimes;
  }

  /** The backends whose engine is present here, most preferred first. */
  public List<WasmRuntime> available() {
    return runtimes.stream().filter(r -> r.availability().available()).toList();
  }

  /**
   * The available backends that support everything {@code required} names, most preferred first.
   */
  public List<WasmRuntime> able(Set<Capability> required) {
    return available().stream().filter(r -> missing(r, required).isEmpty()).toList();
  }

  /**
   * The backend chosen when no name is given and nothing special is required, if any is available.
   */
  public WasmRuntime defaultRuntime() {
    return select(null, Set.of());
  }

  /**
   * Picks a backend.
   *
   * @param name explicit backend name, or {@code null} for the preferred available one
   * @param required capabilities the module needs
   */
  public WasmRuntime select(String name, Set<Capability> required) {
    if (name != null) {
      WasmRuntime named =
          runtimes.stream()
              .filter(r -> r.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new RuntimeSelectionException(
                          "unknown runtime `"
                              + name
                              + "`; available: "
                              + availableNames()
                              + unknownNameHint(name)));
      Availability availability = named.availability();
      if (!availability.available()) {
        throw new RuntimeSelectionException(
            "runtime `" + name + "` is not available: " + availability.reason());
      }
      Set<Capability> missing = missing(named, required);
      if (!missing.isEmpty()) {
        throw new RuntimeSelectionException(
            "runtime `"
                + name
                + "` cannot run this module: it lacks "
                + missing
                + suggestion(required)
                + hints(missing));
      }
      return named;
    }
    return able(required).stream()
        .findFirst()
        .orElseThrow(
            () ->
                new RuntimeSelectionException(
                    runtimes.isEmpty()
                        ? "no runtime backend found; put a backend jar such as wisex-runtime-chicory on the class path"
                        : available().isEmpty()
                            ? "no runtime backend is available here" + unavailable()
                            : "no available runtime supports "
                                + required
                                + "; available: "
                                + availableNames()
                                + hints(required)
                                + unavailable()));
  }

  private String suggestion(Set<Capability> required) {
    List<String> able = able(required).stream().map(WasmRuntime::name).toList();
    return able.isEmpty() ? "" : "; use --runtime " + String.join(" or --runtime ", able);
  }

  private static String hints(Set<Capability> capabilities) {
    String hints =
        capabilities.stream()
            .map(Capability::hint)
            .filter(h -> !h.isEmpty())
            .collect(Collectors.joining("; "));
    return hints.isEmpty() ? "" : " (" + hints + ")";
  }

  /** What of {@code required} {@code runtime} lacks (empty if it can run the module). */
  public static Set<Capability> missing(WasmRuntime runtime, Set<Capability> required) {
    Set<Capability> missing =
        required.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(required);
    missing.removeAll(runtime.capabilities());
    return missing;
  }

  /**
   * A name close to an installed backend's is most likely a typo of it; otherwise the backend may
   * be on the path but not found, as in a jar that repackages others without their service files.
   */
  private String unknownNameHint(String name) {
    for (WasmRuntime runtime : runtimes) {
      if (distance(name, runtime.name()) <= 2) {
        return " (did you mean `" + runtime.name() + "`?)";
      }
    }
    return " (backends are found through the service files META-INF/services/"
        + WasmRuntime.class.getName()
        + ": a jar that repackages others must merge them, e.g. with maven-shade-plugin's"
        + " ServicesResourceTransformer)";
  }

  /** The edit distance between two short names (insertions, deletions, substitutions). */
  static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] =
            Math.min(
                Math.min(row[j] + 1, row[j - 1] + 1),
                diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }

  /** Why the backends that are not available are not, for a failure that needs them. */
  private String unavailable() {
    return runtimes.stream()
        .filter(r -> !r.availability().available())
        .map(r -> "; runtime `" + r.name() + "` is not available: " + r.availability().reason())
        .collect(Collectors.joining());
  }

  private String availableNames() {
    String names = available().stream().map(WasmRuntime::name).collect(Collectors.joining(", "));
    return names.isEmpty() ? "(none)" : names;
  }
}
