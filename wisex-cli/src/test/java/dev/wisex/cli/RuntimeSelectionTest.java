package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuntimeSelectionTest {
  @Test
  void listRuntimesShowsChicoryAsAvailableDefault() {
    Cli.Result r = Cli.run("--list-runtimes");

    assertEquals(0, r.exitCode(), r::toString);
    String chicory =
        r.stdout()
            .lines()
            .filter(l -> l.startsWith("chicory "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r));
    assertTrue(chicory.contains("available (default)"), chicory);
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
