package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@link PlainCommandLine} against picocli, the independent reference: every command line it
 * accepts, picocli's lean model parses without error, help or version, to the same value of every
 * option and the same input; it accepts the ordinary lines (the README's, the benchmarks') and
 * declines each kind of line it cannot be sure of.
 */
class PlainCommandLineTest {
  @TempDir Path dir;

  @Test
  void theLinesItAcceptsParseAlikeInPicocli() {
    CommandLine lean = CommandModelTest.built(false);
    List<OptionSpec> options = CommandModelTest.annotated().getCommandSpec().options();
    Random random = new Random(20261203);
    int accepted = 0;
    int validInPicocli = 0;
    for (int i = 0; i < 2000; i++) {
      String[] args = CommandModelTest.commandLine(random, options);
      if (parsesInPicocli(lean, args)) {
        validInPicocli++;
      }
      if (PlainCommandLine.parse(args) != null) {
        accepted++;
        assertSameValues(lean, args);
      }
    }
    // The random lines mix invalid values, repeated options, clusters and optional values given
    // separately: a share of the valid ones is declined (with this seed 189 of 837), but no more.
    assertTrue(accepted > validInPicocli * 2 / 3, accepted + " of " + validInPicocli);
  }

  @Test
  void everyLineOfTheAcceptedFormsIsAcceptedAndParsesAlike() {
    CommandLine lean = CommandModelTest.built(false);
    Random random = new Random(3);
    for (int i = 0; i < 1000; i++) {
      String[] args = acceptedForm(random);
      assertNotNull(PlainCommandLine.parse(args), () -> "declined " + Arrays.toString(args));
      assertSameValues(lean, args);
    }
  }

  @Test
  void theReadmesCommandLinesAreAccepted() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int checked = 0;
    boolean inBlock = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
      }
      if (!inBlock || !line.startsWith("./wisex ")) {
        continue;
      }
      String command = line.replaceFirst("\\s+#.*", "").replaceFirst("^\\S+\\s+", "");
      if (command.matches(".*(--version|--help|generate-completion|\\[|<|>|\\|).*")) {
        continue; // help and completion are picocli's, the synopsis is no command
      }
      String[] args = command.split("\\s+");
      assertNotNull(PlainCommandLine.parse(args), line);
      assertSameValues(CommandModelTest.built(false), args);
      checked++;
    }
    assertTrue(checked >= 5, "README command lines: " + checked);
  }

  /**
   * The flags of scripts/realworld-set.sh and scripts/bench-common.sh, as the scripts give them.
   */
  @Test
  void theBenchmarksCommandLinesAreAccepted() throws IOException {
    List<String[]> commands = new ArrayList<>();
    Pattern flags = Pattern.compile("^\\s*[\\w-]+\\) printf '%s\\\\n' (.*) ;;$");
    for (String line : Files.readAllLines(Path.of("..", "scripts", "realworld-set.sh"))) {
      Matcher m = flags.matcher(line);
      if (m.matches()) {
        List<String> args = new ArrayList<>();
        for (String word : m.group(1).split("\\s+")) {
          args.add(word.replace("\"", "").replace("$REALWORLD", "/tmp/realworld"));
        }
        args.addAll(List.of("/tmp/realworld/x/x.wasm", "-o", "/tmp/out.wasm"));
        commands.add(args.toArray(String[]::new));
      }
    }
    assertEquals(5, commands.size(), "realworld-set.sh's flag lists");
    String bench = Files.readString(Path.of("..", "scripts", "bench-common.sh"));
    assertTrue(bench.contains("\"$@\" -f wizex.initialize ${corpus_extra[$name]:-}"), bench);
    assertTrue(bench.contains("[quickjs]=\"--allow-wasi\""), bench);
    commands.add(new String[] {"-f", "wizex.initialize", "/tmp/peers/out/tiny.wasm", "-o", "o"});
    commands.add(new String[] {"-f", "wizex.initialize", "--allow-wasi", "q.wasm", "-o", "o"});
    commands.add(
        new String[] {"--runtime", "graal", "-f", "wizex.initialize", "q.wasm", "-o", "o"});
    for (String[] args : commands) {
      assertNotNull(PlainCommandLine.parse(args), Arrays.toString(args));
      assertSameValues(CommandModelTest.built(false), args);
    }
  }

  @Test
  void eachDeclineRuleDeclines() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"-h", "in.wasm"},
            new String[] {"--version"},
            new String[] {"generate-completion"},
            new String[] {"-o", "generate-completion", "in.wasm"},
            new String[] {"--", "in.wasm"},
            new String[] {"@args.txt"},
            new String[] {"in.wasm", "-o", "@out.wasm"},
            new String[] {"--bogus", "in.wasm"},
            new String[] {"-x", "in.wasm"},
            new String[] {"-qv", "in.wasm"},
            new String[] {"-vq", "in.wasm"},
            new String[] {"-finit", "in.wasm"},
            new String[] {"-o=out.wasm", "in.wasm"},
            new String[] {"-o", "a.wasm", "-o", "b.wasm", "in.wasm"},
            new String[] {"--runtime=a", "--runtime", "b", "in.wasm"},
            new String[] {"--verify", "--verify", "in.wasm"},
            new String[] {"-q", "--quiet", "in.wasm"},
            new String[] {"--allow-wasi", "--allow-wasix", "in.wasm"},
            new String[] {"--allow-wasi=true", "--allow-wasi=false", "in.wasm"},
            new String[] {"-o", "-x", "in.wasm"},
            new String[] {"--output=--x", "in.wasm"},
            new String[] {"in.wasm", "-o"},
            new String[] {"--allow-wasi", "true", "in.wasm"},
            new String[] {"--allow-wasi", "FALSE", "in.wasm"},
            new String[] {"in.wasm", "--keep-init-func", "True"},
            new String[] {"--allow-wasi=yes", "in.wasm"},
            new String[] {"--allow-wasi=TRUE", "in.wasm"},
            new String[] {"--allow-wasi=", "in.wasm"},
            new String[] {"--verify=true", "in.wasm"},
            new String[] {"--verbose=true", "in.wasm"},
            new String[] {"--fuel", "010", "in.wasm"},
            new String[] {"--fuel", "+5", "in.wasm"},
            new String[] {"--fuel=-5", "in.wasm"},
            new String[] {"--seed", "0x10", "in.wasm"},
            new String[] {"--fuel", "99999999999999999999", "in.wasm"},
            new String[] {"--execution-mode", "jit", "in.wasm"},
            new String[] {"--timeout", "soon", "in.wasm"},
            new String[] {"--max-memory", "1x", "in.wasm"},
            new String[] {"-r", "no-equals-sign", "in.wasm"},
            new String[] {"--mapdir", "no-separator", "in.wasm"},
            new String[] {"--preload", "=x", "in.wasm"},
            new String[] {"a.wasm", "b.wasm"},
            new String[] {"-", "-"},
            new String[] {"-f", "", "in.wasm"},
            new String[] {""},
            new String[] {"--cache-dir", "a\0b", "in.wasm"},
            new String[] {"-o", "\"quoted\"", "in.wasm"})) {
      assertNull(PlainCommandLine.parse(args), () -> "accepted " + Arrays.toString(args));
    }
  }

  @Test
  void ordinaryFormsAreAccepted() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"-"},
            new String[] {"-o", "-", "-"},
            new String[] {"--output=-", "in.wasm"},
            new String[] {"-vv", "in.wasm", "-v"},
            new String[] {"--allow-wasi", "in.wasm"},
            new String[] {"--allow-wasi=false", "-f", "init", "in.wasm", "-o", "out.wasm"},
            new String[] {"-r", "a=b", "--rename-func=c=d", "-r", "a=e", "in.wasm"},
            new String[] {"--env", "A=1", "--env=B=2", "--dir", ".", "--mapdir", "/d::h:ro"},
            new String[] {"--fuel", "0", "--seed=9", "--timeout", "2.5", "--max-memory=64KiB"},
            new String[] {"--execution-mode", "Interpreter", "--list-runtimes"})) {
      assertNotNull(PlainCommandLine.parse(args), () -> "declined " + Arrays.toString(args));
      assertSameValues(CommandModelTest.built(false), args);
    }
  }

  /** Failures found after parsing print the same on both paths, as picocli's usage errors do. */
  @Test
  void usageErrorsAndFailuresAfterParsingReadTheSameOnBothPaths() throws IOException {
    Path in = dir.resolve("in.wasm");
    Files.write(in, Samples.counter());
    String input = in.toString();
    String out = dir.resolve("out.wasm").toString();
    for (String[] args :
        List.of(
            new String[] {"--report", "-", input},
            new String[] {"--runtime", "no-such-backend", input, "-o", out},
            new String[] {"--cache-dir", dir.toString(), "--no-cache", input, "-o", out},
            new String[] {"--env", "NOEQUALS", input, "-o", out},
            new String[] {"--wasm-simd=false", "--wasm-relaxed-simd", input, "-o", out},
            new String[] {"-f", "no_such_export", input, "-o", out},
            new String[] {dir.resolve("missing.wasm").toString(), "-o", out},
            new String[] {"--list-runtimes", "--runtime", "chicory"},
            new String[] {"-q", input, "-o", "-"})) {
      assertNotNull(PlainCommandLine.parse(args), () -> "declined " + Arrays.toString(args));
      Cli.Result plain = Cli.run(args);
      Cli.Result picocli = Cli.runParsedByPicocli(args);
      String what = Arrays.toString(args) + "\n" + plain;
      assertEquals(picocli.exitCode(), plain.exitCode(), what);
      assertEquals(picocli.stderr(), plain.stderr(), what);
      assertTrue(Arrays.equals(picocli.stdoutBytes(), plain.stdoutBytes()), what);
    }
    Cli.Result usage = Cli.run("--report", "-", input);
    assertEquals(2, usage.exitCode(), usage::toString);
    assertTrue(usage.stderr().endsWith("run `wisex --help` for usage\n"), usage::toString);
  }

  private static boolean parsesInPicocli(CommandLine lean, String[] args) {
    try {
      ParseResult parsed = lean.parseArgs(args);
      return !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
    } catch (ParameterException e) {
      return false;
    }
  }

  /** picocli's lean model parses {@code args} as the plain parser does, option by option. */
  private static void assertSameValues(CommandLine lean, String[] args) {
    OptionValues plain = PlainCommandLine.parse(args);
    assertNotNull(plain, Arrays.toString(args));
    ParseResult parsed;
    try {
      parsed = lean.parseArgs(args);
    } catch (ParameterException e) {
      throw new AssertionError("picocli rejects " + Arrays.toString(args) + ": " + e.getMessage());
    }
    assertFalse(parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested());
    assertNull(parsed.subcommand());
    OptionValues reference = new PicocliValues(lean.getCommandSpec());
    for (Opt<?> option : CommandOptions.all()) {
      assertEquals(
          CommandModelTest.text(reference.get(option)),
          CommandModelTest.text(plain.get(option)),
          () -> option.name() + " in " + Arrays.toString(args));
    }
    assertEquals(reference.input(), plain.input(), () -> "input of " + Arrays.toString(args));
    assertEquals(reference.originalArgs(), plain.originalArgs());
  }

  /** A line of options in the forms the plain parser reads, with valid values, in any order. */
  private static String[] acceptedForm(Random random) {
    List<List<String>> parts = new ArrayList<>();
    for (Opt<?> option : CommandOptions.all()) {
      if (option.helpOrVersion() || random.nextInt(3) != 0) {
        continue;
      }
      int times = option.repeatable() ? 1 + random.nextInt(3) : 1;
      for (int t = 0; t < times; t++) {
        List<String> names = option.names();
        String name = names.get(random.nextInt(names.size()));
        parts.add(occurrence(random, option, name));
      }
    }
    if (random.nextInt(4) != 0) {
      parts.add(List.of(pick(random, "in.wasm", "-", "dir/app.wasm")));
    }
    Collections.shuffle(parts, random);
    return parts.stream().flatMap(List::stream).toArray(String[]::new);
  }

  private static List<String> occurrence(Random random, Opt<?> option, String name) {
    return switch (option.arity()) {
      case NONE -> List.of(name.equals("-v") && random.nextBoolean() ? "-vvv" : name);
      case OPTIONAL_BOOLEAN ->
          List.of(random.nextBoolean() ? name : name + "=" + pick(random, "true", "false"));
      case ONE -> {
        String value = validValue(random, option);
        yield name.startsWith("--") && random.nextBoolean()
            ? List.of(name + "=" + value)
            : List.of(name, value);
      }
    };
  }

  private static String validValue(Random random, Opt<?> option) {
    if (option == LimitOptions.MAX_MEMORY) {
      return pick(random, "65536", "64KiB", "4G", "512mib");
    }
    if (option == LimitOptions.TIMEOUT) {
      return pick(random, "30", "2.5", "500ms", "10m");
    }
    if (option == HostOptions.MAP_DIRS) {
      return pick(random, "/data::./data", "/d::/h:ro", "g::h");
    }
    if (option == HostOptions.ENVS) {
      return pick(random, "A=1", "B=x=y", "C=");
    }
    Class<?> type = option.valueType();
    if (type == KeyValue.class) {
      return pick(random, "a=b", "_start=init", "a=b=c");
    }
    if (type == long.class || type == Long.class) {
      return pick(random, "0", "12", "1700000000", "999999999999999999");
    }
    if (type == Path.class) {
      return pick(random, ".", "dir", "/tmp/c", "d:ro");
    }
    if (type.isEnum()) {
      return pick(random, "auto", "COMPILER", "Interpreter");
    }
    return pick(random, "out.wasm", "-", "x y.wasm", "a=b", "TRUE");
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }
}
