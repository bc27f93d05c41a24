package dev.wisex.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * picocli's model of the {@code wisex} command, built in code from the options' definitions ({@link
 * Opt}, {@link OptionGroup}) rather than read from annotations. The model a run starts with leaves
 * out the {@code generate-completion} subcommand, which picocli can only build reflectively; the
 * full model, which has it, takes over for the command lines that can show it: help, version, a
 * usage error (its suggestions name subcommands) and the subcommand itself.
 */
final class CommandModel {
  static final String COMPLETION = "generate-completion";

  private CommandModel() {}

  /** Whether {@code args} may need the full model; else the lean one is tried first. */
  static boolean needsFull(String[] args) {
    return List.of(args).contains(COMPLETION);
  }

  /**
   * Whether the lean model runs {@code args} as the full one would: a parse without errors that
   * asks for neither help nor version.
   */
  static boolean leanSuffices(CommandLine lean, String[] args) {
    try {
      ParseResult parsed = lean.parseArgs(args);
      return !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
    } catch (ParameterException e) {
      return false;
    }
  }

  /** The model of {@code command}, with the completion subcommand if {@code full}. */
  static CommandLine build(WisexCommand command, boolean full) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name("wisex").versionProvider(new VersionProvider());
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(false)
        .width(100)
        .description(
            "Pre-initializes a WebAssembly module: instantiates it, calls its init function once, and writes a"
                + " module whose memories and globals start in the state init left behind, so that work is not"
                + " repeated at every start. A Java rewrite of Wizer; the flags are Wizer's.")
        .parameterListHeading("%nArguments:%n")
        .optionListHeading("%nOptions:%n")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(
            exitCodes(
                "0",
                "Success.",
                "1",
                "The module was rejected, init failed, or a file could not be read or written.",
                "2",
                "Invalid command line, or an option that is not supported yet."))
        .footerHeading("%nExamples:%n")
        .footer(
            "  wisex in.wasm -o out.wasm",
            "      Pre-initialize in.wasm by calling its `wizex.initialize` export.",
            "  wisex -f init -r _start=_start_after_init app.wasm -o out.wasm",
            "      Call export `init`; in the output, export `_start_after_init` is renamed `_start`.",
            "  wisex --allow-wasix --mapdir /data::./data app.wasm -o app.init.wasm",
            "      Let init use WASIX and read a sandboxed copy of ./data as /data (the host is never written).",
            "  wisex < in.wasm > out.wasm",
            "      Read standard input and write standard output.",
            "  wisex --runtime chicory --list-runtimes",
            "      Show the discovered runtime backends and which one would run init.",
            "  source <(wisex generate-completion)",
            "      Complete wisex's options in the current bash or zsh (put it in ~/.bashrc to keep it).");
    spec.addPositional(
        PositionalParamSpec.builder()
            .index("0")
            .arity("0..1")
            .paramLabel("INPUT")
            .type(String.class)
            .description("The module to pre-initialize; standard input when omitted or `-`.")
            .build());
    CommandOptions.OWN.forEach(option -> spec.addOption(option.build()));
    CommandOptions.GROUPS.forEach(group -> spec.addArgGroup(argGroup(group)));
    command.model = spec;
    CommandLine commandLine = new CommandLine(spec);
    if (full) {
      // picocli's own: prints a bash/zsh completion script for every option above. picocli hides it
      // by default; wisex lists it with the other usages.
      commandLine.addSubcommand(COMPLETION, new AutoComplete.GenerateCompletion());
      commandLine.getSubcommands().get(COMPLETION).getCommandSpec().usageMessage().hidden(false);
    }
    return commandLine;
  }

  /**
   * A fresh picocli group of {@code group} for one model. Made here, not in {@link OptionGroup},
   * which a run parsed by {@link PlainCommandLine} loads: this method's code makes the JVM load
   * picocli's option classes when it links the class that has it.
   */
  private static ArgGroupSpec argGroup(OptionGroup group) {
    ArgGroupSpec.Builder builder =
        ArgGroupSpec.builder().validate(false).heading(group.heading()).order(group.order());
    group.options().forEach(option -> builder.addArg(option.build()));
    return builder.build();
  }

  private static Map<String, String> exitCodes(String... codesAndMeanings) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (int i = 0; i < codesAndMeanings.length; i += 2) {
      codes.put(codesAndMeanings[i], codesAndMeanings[i + 1]);
    }
    return codes;
  }
}
