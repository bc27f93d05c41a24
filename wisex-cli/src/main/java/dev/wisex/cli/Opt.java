package dev.wisex.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One command-line option, in the one place that defines it: names, label, arity, initial value and
 * description for picocli's model, and typed access to the value a parse left in a model. Defined
 * in code rather than by annotations, which picocli reads by reflection (annotation proxies,
 * reflective field access): ~0.2 s of CPU at every start of a fresh JVM.
 *
 * @param <T> the value's type (a primitive option's wrapper)
 */
final class Opt<T> {
  private final String name;
  private final OptionSpec.Builder shape;

  /** The option's value in the model before a parse (also what {@code ${DEFAULT-VALUE}} shows). */
  private Supplier<?> initial;

  /** The value when a command line lacks the option. */
  private Supplier<?> absent = () -> null;

  private Opt(Class<?> type, String... names) {
    this.name = names[0];
    this.shape = OptionSpec.builder(names).type(type);
  }

  /** An option of one value of {@code type} (a primitive class for a primitive option). */
  static <T> Opt<T> of(Class<?> type, String... names) {
    return new Opt<>(type, names);
  }

  /** A repeatable option whose values are collected in a list, empty when not given. */
  static <E> Opt<List<E>> listOf(Class<E> element, String... names) {
    Opt<List<E>> opt = new Opt<>(List.class, names);
    opt.shape.auxiliaryTypes(element);
    // A new list per model and run: a model must never add to another one's values.
    opt.initial = ArrayList::new;
    opt.absent = List::of;
    return opt;
  }

  /** The first name, which the option is found by. */
  String name() {
    return name;
  }

  Opt<T> label(String paramLabel) {
    shape.paramLabel(paramLabel);
    return this;
  }

  Opt<T> description(String... lines) {
    shape.description(lines);
    return this;
  }

  /** The value without the option; {@code ${DEFAULT-VALUE}} in the description shows it. */
  Opt<T> initially(T value) {
    initial = () -> value;
    absent = initial;
    return this;
  }

  /** The value without the option, of an option of type {@code String}. */
  Opt<T> defaultValue(String text) {
    shape.defaultValue(text);
    absent = () -> text;
    return this;
  }

  /**
   * {@code --flag}, {@code --flag=true} or {@code --flag=false}: a boolean option whose value is
   * optional (Wizer's switches).
   */
  Opt<T> optionalBool() {
    shape.paramLabel("BOOL").arity("0..1").fallbackValue("true");
    return this;
  }

  Opt<T> arity(String arity) {
    shape.arity(arity);
    return this;
  }

  Opt<T> converter(ITypeConverter<?> converter) {
    shape.converters(converter);
    return this;
  }

  Opt<T> usageHelp() {
    shape.usageHelp(true);
    return this;
  }

  Opt<T> versionHelp() {
    shape.versionHelp(true);
    return this;
  }

  /** A fresh option for one model (an option belongs to one command). */
  OptionSpec build() {
    if (initial != null) {
      shape.initialValue(initial.get());
    }
    return shape.build();
  }

  /**
   * The value the last parse of {@code model} gave this option, or its value without the option.
   * Asked of the parse result, not of the option alone: picocli sets an option of a group only when
   * the command line has it.
   */
  @SuppressWarnings("unchecked") // the type given to picocli is T or T's primitive
  T in(CommandSpec model) {
    OptionSpec option = model.findOption(name);
    return (T)
        (model.commandLine().getParseResult().hasMatchedOption(option)
            ? option.getValue()
            : absent.get());
  }
}
