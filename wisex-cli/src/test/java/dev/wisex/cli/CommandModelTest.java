package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * The model built in code ({@link CommandModel}) against the one picocli reads from the annotations
 * the options had before ({@link AnnotatedModel}): every option's shape, the help text, and what
 * parsing thousands of command lines gives.
 */
class CommandModelTest {
  private static CommandLine configured(CommandLine commandLine) {
    return PicocliRun.configure(
        commandLine,
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        new ErrorReporter());
  }

  static CommandLine annotated() {
    CommandLine reference = configured(new CommandLine(new AnnotatedModel()));
    reference
        .getSubcommands()
        .get(CommandModel.COMPLETION)
        .getCommandSpec()
        .usageMessage()
        .hidden(false);
    return reference;
  }

  static CommandLine built(boolean full) {
    return configured(
        CommandModel.build(
            new WisexCommand(new ByteArrayInputStream(new byte[0]), System.out, System.err), full));
  }

  @Test
  void theHelpTextIsTheAnnotatedModelsToTheCharacter() {
    CommandLine annotated = annotated();
    CommandLine built = built(true);

    assertEquals(annotated.getUsageMessage(), built.getUsageMessage());
    assertEquals(
        annotated.getSubcommands().get(CommandModel.COMPLETION).getUsageMessage(),
        built.getSubcommands().get(CommandModel.COMPLETION).getUsageMessage());
    assertTrue(built.getUsageMessage().contains("--relaxed-simd-deterministic"));
  }

  @Test
  void everyOptionHasTheAnnotatedShapeInTheSamePlace() {
    for (boolean full : new boolean[] {true, false}) {
      CommandSpec annotated = annotated().getCommandSpec();
      CommandSpec built = built(full).getCommandSpec();

      List<OptionSpec> expected = annotated.options();
      List<OptionSpec> actual = built.options();
      assertEquals(names(expected), names(actual));
      for (int i = 0; i < expected.size(); i++) {
        OptionSpec e = expected.get(i);
        OptionSpec a = actual.get(i);
        String what = e.longestName();
        assertArrayEquals(e.names(), a.names(), what);
        assertEquals(e.arity(), a.arity(), what);
        if (e.arity().max() > 0) { // a flag's label is never shown
          assertEquals(e.paramLabel(), a.paramLabel(), what);
        }
        assertEquals(e.type(), a.type(), what);
        assertArrayEquals(e.auxiliaryTypes(), a.auxiliaryTypes(), what);
        assertEquals(e.defaultValue(), a.defaultValue(), what);
        assertTrue(Objects.deepEquals(e.initialValue(), a.initialValue()), what);
        assertEquals(e.fallbackValue(), a.fallbackValue(), what);
        assertArrayEquals(e.description(), a.description(), what);
        assertEquals(e.usageHelp(), a.usageHelp(), what);
        assertEquals(e.versionHelp(), a.versionHelp(), what);
        assertEquals(e.hidden(), a.hidden(), what);
        assertEquals(e.negatable(), a.negatable(), what);
        assertEquals(e.required(), a.required(), what);
        assertEquals(e.splitRegex(), a.splitRegex(), what);
        // Which converter: the annotated model names adapters of the same conversions, which the
        // generated command lines below compare by their results and messages.
        assertEquals(e.converters().length, a.converters().length, what);
        assertEquals(e.group() == null, a.group() == null, what);
        if (e.group() != null) {
          assertEquals(e.group().heading(), a.group().heading(), what);
          assertEquals(e.group().order(), a.group().order(), what);
          assertEquals(e.group().validate(), a.group().validate(), what);
          assertEquals(e.group().exclusive(), a.group().exclusive(), what);
          assertEquals(e.group().multiplicity(), a.group().multiplicity(), what);
        }
      }
      List<PositionalParamSpec> positionals = annotated.positionalParameters();
      assertEquals(positionals.size(), built.positionalParameters().size());
      for (int i = 0; i < positionals.size(); i++) {
        PositionalParamSpec e = positionals.get(i);
        PositionalParamSpec a = built.positionalParameters().get(i);
        assertEquals(e.index(), a.index());
        assertEquals(e.arity(), a.arity());
        assertEquals(e.paramLabel(), a.paramLabel());
        assertEquals(e.type(), a.type());
        assertArrayEquals(e.description(), a.description());
      }
      assertEquals(
          full ? annotated.subcommands().keySet() : Set.of(), built.subcommands().keySet());
    }
  }

  @Test
  void commandLinesParseAsInTheAnnotatedModel() {
    // The built models are reused, as a run parses its model twice; the reference is not: picocli
    // keeps the values of its annotated groups from one parse to the next (the command never
    // parsed one twice).
    CommandLine full = built(true);
    CommandLine lean = built(false);
    Random random = new Random(20261203);
    List<OptionSpec> options = annotated().getCommandSpec().options();
    int leanRuns = 0;
    int rejected = 0;
    for (int i = 0; i < 600; i++) {
      String[] args = commandLine(random, options);
      String expected = outcome(annotated(), args);
      assertEquals(expected, outcome(full, args), () -> "full model, " + Arrays.toString(args));
      if (!CommandModel.needsFull(args) && CommandModel.leanSuffices(lean, args)) {
        leanRuns++;
        assertEquals(expected, outcome(lean, args), () -> "lean model, " + Arrays.toString(args));
      }
      if (expected.startsWith("error")) {
        rejected++;
      }
    }
    // The generated lines exercise both paths and both outcomes.
    assertTrue(leanRuns > 200, "lean runs: " + leanRuns);
    assertTrue(rejected > 60 && rejected < 540, "rejected: " + rejected);
  }

  /**
   * Where the model built in code differs, on purpose: picocli started a new occurrence of an
   * annotated group when one of its single-value options came again, and the options of the group
   * given before were dropped without a word ({@code --cache-dir DIR --runtime a --runtime b} ran
   * with the default cache directory). Now the later value wins and the others stay, as for the
   * options outside groups.
   */
  @Test
  void aRepeatedOptionOfAGroupKeepsTheOtherOptionsOfItsGroup() {
    String[] args = {"--cache-dir=dir", "--runtime=a", "--runtime=b", "in.wasm"};
    CommandLine annotated = annotated();
    annotated.parseArgs(args);
    AnnotatedModel reference = (AnnotatedModel) annotated.getCommandSpec().userObject();
    assertEquals(null, reference.runtime.cacheDir, "the annotated model dropped it");

    for (boolean full : new boolean[] {true, false}) {
      CommandLine built = built(full);
      built.parseArgs(args);
      CommandSpec spec = built.getCommandSpec();
      assertEquals(Path.of("dir"), new PicocliValues(spec).get(RuntimeOptions.CACHE_DIR));
      assertEquals("b", new PicocliValues(spec).get(RuntimeOptions.RUNTIME));
    }
  }

  @Test
  void helpVersionErrorsAndCompletionNeedTheFullModel() {
    CommandLine lean = built(false);
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"-h", "in.wasm"},
            new String[] {"--version"},
            new String[] {"--no-such-flag"},
            new String[] {"in.wasm", "second.wasm"},
            new String[] {"--fuel", "lots"})) {
      assertFalse(CommandModel.leanSuffices(lean, args), Arrays.toString(args));
    }
    assertTrue(CommandModel.needsFull(new String[] {"generate-completion"}));
    assertTrue(CommandModel.needsFull(new String[] {"-o", "generate-completion"}));
    assertTrue(CommandModel.leanSuffices(lean, new String[] {"-vv", "in.wasm", "-o", "out"}));
  }

  /**
   * The value of every option and the input after parsing {@code args}, or the parse error: read
   * from the annotated fields in the reference, through {@link PicocliValues} as the command reads
   * them in the model built in code.
   */
  private static String outcome(CommandLine commandLine, String[] args) {
    try {
      commandLine.parseArgs(args);
    } catch (ParameterException e) {
      return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    CommandSpec spec = commandLine.getCommandSpec();
    StringBuilder values = new StringBuilder();
    if (spec.userObject() instanceof AnnotatedModel) {
      for (OptionSpec option : spec.options()) {
        values.append(option.names()[0]).append('=').append(text(option.getValue())).append('\n');
      }
      values.append("INPUT=").append(text(spec.positionalParameters().getFirst().getValue()));
    } else {
      for (Opt<?> option : CommandOptions.all()) {
        values
            .append(option.name())
            .append('=')
            .append(text(new PicocliValues(spec).get(option)))
            .append('\n');
      }
      values.append("INPUT=").append(text(new PicocliValues(spec).input()));
    }
    values.append("\nsubcommand=").append(commandLine.getParseResult().subcommand() != null);
    return values.toString();
  }

  static String text(Object value) {
    return value instanceof boolean[] flags ? Arrays.toString(flags) : String.valueOf(value);
  }

  /** 0 to 5 options with valid and invalid values, and maybe an input or two. */
  static String[] commandLine(Random random, List<OptionSpec> options) {
    List<String> args = new ArrayList<>();
    Set<OptionSpec> used = new HashSet<>();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      OptionSpec option = options.get(random.nextInt(options.size()));
      if (!used.add(option) && option.group() != null && !option.isMultiValue()) {
        continue; // see aRepeatedOptionOfAGroupKeepsTheOtherOptionsOfItsGroup
      }
      String name = option.names()[random.nextInt(option.names().length)];
      if (option.arity().max() == 0) {
        args.add(name.equals("-v") && random.nextBoolean() ? "-vv" : name);
      } else if (option.arity().min() == 0) {
        switch (random.nextInt(4)) {
          case 0 -> args.add(name);
          case 1 -> args.add(name + "=" + pick(random, "true", "false", "TRUE", "yes"));
          case 2 -> args.addAll(List.of(name, pick(random, "true", "false", "x.wasm")));
          default -> args.add(name + "=");
        }
      } else {
        String value = value(random, option);
        if (random.nextBoolean()) {
          args.add(name + "=" + value);
        } else {
          args.addAll(List.of(name, value));
        }
      }
    }
    int inputs = random.nextInt(10) < 7 ? 1 : random.nextInt(3);
    for (int i = 0; i < inputs; i++) {
      args.add(random.nextInt(args.size() + 1), pick(random, "in.wasm", "-", "dir/app.wasm"));
    }
    if (random.nextInt(20) == 0) {
      args.add(random.nextInt(args.size() + 1), pick(random, "--", "-qv", "--bogus", "-x"));
    }
    return args.toArray(String[]::new);
  }

  private static String value(Random random, OptionSpec option) {
    Function<String[], String> one = values -> values[random.nextInt(values.length)];
    Class<?> type = option.auxiliaryTypes()[option.auxiliaryTypes().length - 1];
    String label = option.paramLabel();
    if (type == long.class || type == Long.class) {
      return label.equals("SIZE")
          ? one.apply(new String[] {"65536", "64KiB", "4G", "1x", "-1"})
          : one.apply(new String[] {"0", "12", "-5", "abc", "9999999999999"});
    }
    if (label.equals("TIME")) {
      return one.apply(new String[] {"30", "2.5", "500ms", "10m", "soon", "-1"});
    }
    if (label.equals("MODE")) {
      return one.apply(new String[] {"auto", "compiler", "INTERPRETER", "warp"});
    }
    if (label.equals("GUEST::HOST")) {
      return one.apply(new String[] {"/data::./data", "/d::/h:ro", "nope", "::x"});
    }
    if (label.contains("=")) {
      return one.apply(new String[] {"a=b", "_start=init", "=b", "ab", "a=b=c"});
    }
    return one.apply(new String[] {"out.wasm", "-", "x y", "dir/", "--"});
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  private static List<String> names(List<OptionSpec> options) {
    return options.stream().map(OptionSpec::longestName).toList();
  }
}
