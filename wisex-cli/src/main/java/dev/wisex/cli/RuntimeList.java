package dev.wisex.cli;

import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.rewriter.DefaultEngines;
import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints {@code --list-runtimes}: every discovered backend with its version and whether it can run
 * here, so a user can see why {@code --runtime NAME} fails and which backend runs a module by
 * default (per module, by code size, when both kinds are installed: {@link DefaultEngines}).
 */
final class RuntimeList {
  private RuntimeList() {}

  /**
   * @param selected the {@code --runtime} name given with the listing, or {@code null}
   */
  static void print(RuntimeRegistry registry, String selected, PrintWriter out) {
    List<WasmRuntime> all = registry.all();
    if (all.isEmpty()) {
      out.println(
          "no runtime backend found; put a backend jar such as wisex-runtime-chicory on the class path");
      return;
    }
    String defaultName = defaultName(registry);
    DefaultEngines defaults = DefaultEngines.of(registry);
    int nameWidth = all.stream().mapToInt(r -> r.name().length()).max().orElse(0);
    int versionWidth =
        all.stream().mapToInt(r -> String.valueOf(r.version()).length()).max().orElse(0);
    for (WasmRuntime runtime : all) {
      StringBuilder line = new StringBuilder();
      line.append(pad(runtime.name(), nameWidth)).append("  ");
      line.append(pad(String.valueOf(runtime.version()), versionWidth)).append("  ");
      line.append(status(runtime.availability()));
      if (runtime.name().equals(selected)) {
        line.append(" (selected)");
      } else if (selected == null) {
        defaults.roleOf(runtime).ifPresent(role -> line.append(" (").append(role).append(')'));
      }
      out.println(line);
    }
    if (defaultName == null) {
      out.println("no backend is available on this JVM");
    } else if (selected == null) {
      defaults.rule().ifPresent(out::println);
    }
  }

  /** The default backend's name, or {@code null} when none is available. */
  static String defaultName(RuntimeRegistry registry) {
    try {
      return registry.defaultRuntime().name();
    } catch (RuntimeSelectionException e) {
      // Nothing available: the listing says so instead of failing, since finding out why is its
      // purpose.
      return null;
    }
  }

  static String status(Availability availability) {
    return availability.available() ? "available" : "unavailable: " + availability.reason();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
