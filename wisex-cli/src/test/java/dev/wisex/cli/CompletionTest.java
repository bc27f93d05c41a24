package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wisex generate-completion}: picocli's bash/zsh completion script for wisex's options. */
class CompletionTest {
  @TempDir Path dir;

  @Test
  void scriptCompletesTheRealOptions() {
    Cli.Result r = Cli.run("generate-completion");

    assertEquals(0, r.exitCode(), r::toString);
    String script = r.stdout();
    assertTrue(script.startsWith("#!/usr/bin/env bash"), script);
    assertTrue(script.contains("complete -F _complete_wisex"), "registers for `wisex`");
    for (String option :
        List.of(
            "--init-func",
            "--rename-func",
            "--allow-wasix",
            "--mapdir",
            "--runtime",
            "--list-runtimes",
            "--wasm-simd",
            "--version")) {
      assertTrue(script.contains(option), () -> "completion lacks " + option);
    }
  }

  @Test
  void scriptIsValidBash() throws IOException, InterruptedException {
    Path script = dir.resolve("wisex_completion");
    Files.writeString(script, Cli.run("generate-completion").stdout(), StandardCharsets.UTF_8);

    Process bash =
        new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n did not finish");
    assertEquals(0, bash.exitValue(), output);
  }

  @Test
  void helpListsTheCompletionCommand() {
    String help = Cli.run("--help").stdout();

    assertTrue(help.contains("generate-completion"), help);
    assertTrue(help.contains("source <(wisex generate-completion)"), help);
  }

  @Test
  void aModuleFileStillWorksAsTheInput() {
    Cli.Result r = Cli.run("no-such-file.wasm");

    assertEquals(ExitCodes.FAILURE, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("no-such-file.wasm"), r::toString);
  }
}
