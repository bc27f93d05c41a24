package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.JvmBackendsOnly;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeSelectionTest {
  /** README's rule (EngineChoiceTest checks the choice itself): which backend per code size. */
  @Test
  void listRuntimesSaysTheDefaultIsChosenPerModule() {
    Cli.Result r = JvmBackendsOnly.call(() -> Cli.run("--list-runtimes"));

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(
        line(r, "chicory ").endsWith("available (default for code under 256 KiB)"), r::toString);
    assertTrue(
        line(r, "graal ").endsWith("available (default for code of 4 MiB or more)"), r::toString);
    assertTrue(
        r.stdout()
            .contains(
                "without --runtime, each module runs on the backend its code size suits: `chicory`"
                    + " under 256 KiB of code, `graal` from 4 MiB; in between `graal` first, for as"
                    + " long as compiling would take, then `chicory` (with 3 idle processors both at"
                    + " once, the first to finish winning), and the next run of the module uses the"
                    + " one that finished (-v says which ran and why)"),
        r::toString);
  }

  @Test
  void oneKindOfBackendIsTheDefaultForEveryModule() {
    RuntimeRegistry all = RuntimeRegistry.discover();
    WasmRuntime chicory =
        all.all().stream().filter(x -> x.name().equals("chicory")).findFirst().orElseThrow();
    StringWriter listing = new StringWriter();

    RuntimeList.print(new RuntimeRegistry(List.of(chicory)), null, new PrintWriter(listing, true));

    assertEquals(
        "chicory  " + chicory.version() + "  available (default)" + System.lineSeparator(),
        listing.toString());
  }

  private static String line(Cli.Result r, String prefix) {
    return r.stdout()
        .lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError(r));
  }

  @Test
  void listRuntimesMarksTheSelectedOne() {
    Cli.Result r = Cli.run("--runtime", "chicory", "--list-runtimes");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("available (selected)"), r::toString);
  }

  @Test
  void unknownRuntimeFailsListingTheAvailableOnes() {
    Cli.Result r = Cli.run("--runtime", "nosuch", "in.wasm");

    assertEquals(2, r.exitCode(), "a usage error: " + r);
    String message = r.stderr().strip();
    assertTrue(
        message.startsWith("error: unknown runtime `nosuch` for --runtime; installed: "), message);
    assertTrue(message.contains("chicory"), message);
  }
}
