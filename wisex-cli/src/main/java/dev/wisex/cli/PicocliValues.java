package dev.wisex.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The values picocli's last parse left in a model of the command. */
record PicocliValues(CommandSpec model) implements OptionValues {
  /**
   * Asked of the parse result, not of the option alone: picocli sets an option of a group only when
   * the command line has it.
   */
  @Override
  @SuppressWarnings("unchecked") // the type given to picocli is T or T's primitive
  public <T> T get(Opt<T> option) {
    OptionSpec spec = model.findOption(option.name());
    return model.commandLine().getParseResult().hasMatchedOption(spec)
        ? (T) spec.getValue()
        : option.absent();
  }

  @Override
  public String input() {
    return model.positionalParameters().getFirst().getValue();
  }

  @Override
  public List<String> originalArgs() {
    return model.commandLine().getParseResult().originalArgs();
  }
}
