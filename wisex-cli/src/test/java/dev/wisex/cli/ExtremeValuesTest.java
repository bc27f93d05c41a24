package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option that takes a value, given the values a user can type at the edges (empty, zero,
 * negative, past a 64-bit count, with and without a unit): the run ends with 0, 1 or 2, and a
 * failure is one line naming its cause, never an internal error or a Java exception's name, with
 * nothing written. Found by a sweep of the command line: a huge --timeout overflowed a nanosecond
 * count into an internal error, an empty -o was read as the current directory, an out-of-range
 * --clock-epoch wrapped into another century.
 */
class ExtremeValuesTest {
  @TempDir Path dir;

  private static final List<String> VALUES =
      List.of(
          "",
          "0",
          "1",
          "-1",
          "9223372036854775807",
          "9223372036854775808",
          "99999999999999999999999999999",
          "9223372036854775807ms",
          "10000000000h",
          "18446744074",
          "1e9",
          "0.0000001",
          "4GiB",
          "17179869184TiB",
          ":ro",
          "::",
          "=",
          "-");

  /** Options whose values name files a run would read or create: given a scratch name instead. */
  private static final Set<String> NOT_HERE = Set.of("-o", "--report", "--cache-dir");

  @Test
  void everyValueOptionEndsCleanlyAtTheEdges() throws Exception {
    Path in = Files.write(dir.resolve("in.wasm"), Samples.counter());
    Path out = dir.resolve("out.wasm");
    List<String> findings = new ArrayList<>();
    int runs = 0;
    for (Opt<?> option : CommandOptions.all()) {
      if (option.arity() != Opt.Arity.ONE || option.helpOrVersion()) {
        continue;
      }
      for (String value : VALUES) {
        if (NOT_HERE.contains(option.name()) && !value.isEmpty()) {
          continue;
        }
        List<String> args = new ArrayList<>(List.of(in.toString(), "-q"));
        if (!option.name().equals("-o")) {
          args.addAll(List.of("-o", out.toString()));
        }
        args.add(option.name() + "=" + value);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        runs++;
        String line = String.join(" ", args);
        String err = r.stderr();
        if (r.exitCode() < 0 || r.exitCode() > 2) {
          findings.add(line + ": exit " + r.exitCode());
        }
        if (err.contains("internal error")
            || err.matches("(?s).*\\b(java|javax)\\.\\w.*")
            || err.contains("Exception")) {
          findings.add(line + ": " + err.strip());
        }
        if (r.exitCode() != 0) {
          if (!err.startsWith("error: ")) {
            findings.add(line + ": no one-line cause: " + err.strip());
          }
          if (Files.exists(out)) {
            findings.add(line + ": failed but wrote " + out);
          }
        }
        Files.deleteIfExists(out);
        try (var left = Files.list(dir)) {
          List<Path> stray = left.filter(p -> !p.equals(in)).toList();
          for (Path p : stray) {
            findings.add(line + ": left " + p.getFileName());
            if (Files.isDirectory(p)) {
              try (var walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
              }
            } else {
              Files.delete(p);
            }
          }
        }
      }
    }
    assertTrue(runs > 100, "ran " + runs + " command lines");
    assertEquals(List.of(), findings);
  }
}
