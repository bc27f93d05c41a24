package dev.wisex.cli;

import java.util.List;

/**
 * A section of {@code --help} (heading and place) and the options listed in it; it only groups the
 * help text, never checks which options go together. {@link CommandModel} makes picocli's group of
 * it.
 */
record OptionGroup(String heading, int order, List<Opt<?>> options) {
  OptionGroup(String heading, int order, Opt<?>... options) {
    this(heading, order, List.of(options));
  }
}
