package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HelpAndVersionTest {
  @Test
  void helpHasDescriptionEveryFlagGroupAndExamples() {
    Cli.Result r = Cli.run("--help");

    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.stderr());
    String help = r.stdout();
    for (String expected :
        List.of(
            "Usage: wisex",
            "Pre-initializes a WebAssembly module",
            "Initialization:",
            "Host access during init",
            "WebAssembly features",
            "Runtime backend:",
            "Limits on init",
            "Exit codes:",
            "Examples:",
            "wisex in.wasm -o out.wasm",
            "wisex --allow-wasix --mapdir /data::./data app.wasm -o app.init.wasm",
            "-r _start=_start_after_init",
            "wisex --runtime chicory --list-runtimes")) {
      assertTrue(help.contains(expected), () -> "help lacks `" + expected + "`:\n" + help);
    }
    for (String flag :
        List.of(
            "-o, --output",
            "-f, --init-func",
            "-r, --rename-func",
            "--keep-init-func[=BOOL]",
            "--allow-wasi, --allow-wasix[=BOOL]",
            "--inherit-stdio[=BOOL]",
            "--inherit-env[=BOOL]",
            "--dir=DIR",
            "--mapdir=GUEST::HOST",
            "--preload=NAME=FILE",
            "--env=NAME=VALUE",
            "--seed=N",
            "--nondeterministic[=BOOL]",
            "--allow-exit-zero[=BOOL]",
            "--wasm-multi-memory[=BOOL]",
            "--wasm-multi-value[=BOOL]",
            "--wasm-bulk-memory[=BOOL]",
            "--wasm-simd[=BOOL]",
            "--wasm-reference-types[=BOOL]",
            "--wasm-threads[=BOOL]",
            "--wasm-memory64[=BOOL]",
            "--wasm-relaxed-simd[=BOOL]",
            "--relaxed-simd-deterministic[=BOOL]",
            "--runtime=NAME",
            "--list-runtimes",
            "--execution-mode=MODE",
            "--fuel=STEPS",
            "--timeout=TIME",
            "--max-memory=SIZE",
            "-v, --verbose",
            "--version",
            "-h, --help")) {
      assertTrue(help.contains(flag), () -> "help lacks flag `" + flag + "`:\n" + help);
    }
  }

  @Test
  void helpShowsTheDefaultsTheLibraryUses() {
    String help = Cli.run("-h").stdout();

    assertTrue(help.contains("(default: wizex.initialize)"), help);
  }

  @Test
  void versionNamesWisexEveryBackendAndJava() {
    Cli.Result r = Cli.run("--version");

    assertEquals(0, r.exitCode(), r::toString);
    List<String> lines = r.stdout().strip().lines().toList();
    List<WasmRuntime> runtimes = RuntimeRegistry.discover().all();
    assertEquals(runtimes.size() + 2, lines.size(), r::toString);
    assertTrue(lines.get(0).matches("wisex \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r::toString);
    for (int i = 0; i < runtimes.size(); i++) {
      WasmRuntime runtime = runtimes.get(i);
      assertTrue(
          lines.get(i + 1).startsWith("runtime " + runtime.name() + " " + runtime.version() + " ("),
          r::toString);
    }
    assertTrue(
        lines.contains("runtime chicory 1.7.5 (available, default for code under 256 KiB)"),
        r::toString);
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.matches(
                        "runtime graal \\S+ \\(available, default for code of 4 MiB or more\\)")),
        r::toString);
    assertTrue(lines.getLast().startsWith("Java " + Runtime.version().feature()), r::toString);
    assertTrue(lines.getLast().contains(System.getProperty("java.vm.vendor")), r::toString);
  }

  @Test
  void versionSaysWhyABackendIsUnavailableAndWhenNoneIsFound() {
    String[] lines =
        new VersionProvider(new RuntimeRegistry(List.of(new UnavailableRuntime()))).getVersion();
    String[] none = new VersionProvider(new RuntimeRegistry(List.of())).getVersion();

    assertEquals("runtime future 9.9 (unavailable: needs a newer JDK)", lines[1]);
    assertTrue(none[1].startsWith("runtime: none found"), none[1]);
  }

  /** A backend that cannot run here, as one needing a newer JDK would report itself. */
  private static final class UnavailableRuntime implements WasmRuntime {
    @Override
    public String name() {
      return "future";
    }

    @Override
    public String version() {
      return "9.9";
    }

    @Override
    public int priority() {
      return 1;
    }

    @Override
    public Availability availability() {
      return Availability.no("needs a newer JDK");
    }

    @Override
    public Set<Capability> capabilities() {
      return Set.of();
    }

    @Override
    public WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig config) {
      throw new UnsupportedOperationException("never instantiated: it is unavailable");
    }
  }
}
