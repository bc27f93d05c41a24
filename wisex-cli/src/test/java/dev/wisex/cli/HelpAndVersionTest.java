package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
  void versionNamesWisexAndJava() {
    Cli.Result r = Cli.run("--version");

    assertEquals(0, r.exitCode(), r::toString);
    String[] lines = r.stdout().strip().split("\\R");
    assertEquals(2, lines.length, r::toString);
    assertTrue(lines[0].matches("wisex \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r::toString);
    assertTrue(lines[1].startsWith("Java " + Runtime.version().feature()), r::toString);
  }
}
