package dev.wisex.cli;

import dev.wisex.api.WisexVersion;
import dev.wisex.rewriter.DefaultEngines;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code --version}: wisex's version, every runtime backend it found (name, engine
 * version, whether it can run here, which one is the default) and the Java running it, since all of
 * them matter in a bug report.
 */
final class VersionProvider implements IVersionProvider {
  private final Supplier<RuntimeRegistry> runtimes;

  /**
   * picocli creates the provider with every command model, so the backends {@link
   * RuntimeRegistry#discover} finds are looked up only when the version is asked for.
   */
  VersionProvider() {
    this.runtimes = RuntimeRegistry::discover;
  }

  VersionProvider(RuntimeRegistry runtimes) {
    this.runtimes = () -> runtimes;
  }

  @Override
  public String[] getVersion() {
    RuntimeRegistry runtimes = this.runtimes.get();
    List<String> lines = new ArrayList<>();
    lines.add("wisex " + wisexVersion());
    DefaultEngines defaults = DefaultEngines.of(runtimes);
    for (WasmRuntime runtime : runtimes.all()) {
      lines.add(
          "runtime "
              + runtime.name()
              + " "
              + runtime.version()
              + " ("
              + RuntimeList.status(runtime.availability())
              + defaults.roleOf(runtime).map(role -> ", " + role).orElse("")
              + ")");
    }
    if (runtimes.all().isEmpty()) {
      lines.add("runtime: none found; put a backend jar such as wisex-runtime-chicory on the path");
    }
    lines.add(
        "Java "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vm.vendor")
            + ", "
            + System.getProperty("java.vm.name")
            + ")");
    return lines.toArray(String[]::new);
  }

  /**
   * From the jar manifest's Implementation-Version when running from {@code wisex.jar}; from the
   * library's {@link WisexVersion} when the classes run elsewhere (tests, a module path), where no
   * manifest applies.
   */
  static String wisexVersion() {
    String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : WisexVersion.get();
  }
}
