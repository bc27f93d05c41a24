package dev.wisex.cli;

import java.util.List;
import picocli.CommandLine.Model.ArgGroupSpec;

/**
 * A section of {@code --help} (heading and place) and the options listed in it; it only groups the
 * help text, never checks which options go together.
 */
record OptionGroup(String heading, int order, List<Opt<?>> options) {
  OptionGroup(String heading, int order, Opt<?>... options) {
    this(heading, order, List.of(options));
  }

  /** A fresh group for one model. */
  ArgGroupSpec build() {
    ArgGroupSpec.Builder group =
        ArgGroupSpec.builder().validate(false).heading(heading).order(order);
    options.forEach(option -> group.addArg(option.build()));
    return group.build();
  }
}
