package dev.wisex.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One command-line option, in the one place that defines it: names, label, arity, initial value and
 * description. Defined in code rather than by annotations, which picocli reads by reflection
 * (annotation proxies, reflective field access): ~0.2 s of CPU at every start of a fresh JVM. The
 * definition is plain data, and picocli's model of it is made only in {@link #build}: a run that
 * {@link PlainCommandLine} parses never loads picocli's model classes.
 *
 * @param <T> the value's type (a primitive option's wrapper)
 */
final class Opt<T> {
  /** How many values one occurrence of the option takes. */
  enum Arity {
    /** A flag, such as {@code --verify}; {@code -v} may be repeated. */
    NONE,
    /** {@code --flag}, {@code --flag=true}, {@code --flag=false}: Wizer's switches. */
    OPTIONAL_BOOLEAN,
    /** One value, separate or after {@code =}. */
    ONE
  }

  private final String[] names;
  private final Class<?> type;
  private final Class<?> element;
  private String label;
  private String[] description = new String[0];
  private Arity arity;
  private String defaultValue;
  private ValueConverter<?> converter;
  private boolean usageHelp;
  private boolean versionHelp;

  /** The option's value in the model before a parse (also what {@code ${DEFAULT-VALUE}} shows). */
  private Supplier<?> initial;

  /** The value when a command line lacks the option. */
  private Supplier<?> absent = () -> null;

  private Opt(Class<?> type, Class<?> element, String... names) {
    this.names = names.clone();
    this.type = type;
    this.element = element;
    this.arity = type == boolean.class || type == Boolean.class ? Arity.NONE : Arity.ONE;
  }

  /** An option of one value of {@code type} (a primitive class for a primitive option). */
  static <T> Opt<T> of(Class<?> type, String... names) {
    return new Opt<>(type, null, names);
  }

  /** A repeatable option whose values are collected in a list, empty when not given. */
  static <E> Opt<List<E>> listOf(Class<E> element, String... names) {
    Opt<List<E>> opt = new Opt<>(List.class, element, names);
    // A new list per model and run: a model must never add to another one's values.
    opt.initial = ArrayList::new;
    opt.absent = List::of;
    return opt;
  }

  /** The first name, which the option is found by. */
  String name() {
    return names[0];
  }

  /** Every name, the first one first. */
  List<String> names() {
    return List.of(names);
  }

  /** The value's type as given to {@link #of}, {@link List} for a list. */
  Class<?> type() {
    return type;
  }

  /** The type of one value: the list's element type, else {@link #type()}. */
  Class<?> valueType() {
    return element != null ? element : type;
  }

  /** Whether the values of all occurrences are collected. */
  boolean repeatable() {
    return element != null || type == boolean[].class;
  }

  Arity arity() {
    return arity;
  }

  /** The converter of one value, or {@code null} for picocli's built-in one of the type. */
  ValueConverter<?> converter() {
    return converter;
  }

  /** Whether the option asks for help or the version instead of a run. */
  boolean helpOrVersion() {
    return usageHelp || versionHelp;
  }

  /** The value when a command line lacks the option. */
  @SuppressWarnings("unchecked") // the suppliers give T
  T absent() {
    return (T) absent.get();
  }

  Opt<T> label(String paramLabel) {
    label = paramLabel;
    return this;
  }

  Opt<T> description(String... lines) {
    description = lines.clone();
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
    defaultValue = text;
    absent = () -> text;
    return this;
  }

  /**
   * {@code --flag}, {@code --flag=true} or {@code --flag=false}: a boolean option whose value is
   * optional (Wizer's switches).
   */
  Opt<T> optionalBool() {
    label = "BOOL";
    arity = Arity.OPTIONAL_BOOLEAN;
    return this;
  }

  /** A flag that takes no value, such as {@code -v} (repeatable as {@code -vv}). */
  Opt<T> noValue() {
    arity = Arity.NONE;
    return this;
  }

  Opt<T> converter(ValueConverter<?> converter) {
    this.converter = converter;
    return this;
  }

  Opt<T> usageHelp() {
    usageHelp = true;
    return this;
  }

  Opt<T> versionHelp() {
    versionHelp = true;
    return this;
  }

  /** A fresh picocli option for one model (an option belongs to one command). */
  OptionSpec build() {
    OptionSpec.Builder shape = OptionSpec.builder(names).type(type);
    if (element != null) {
      shape.auxiliaryTypes(element);
    }
    if (label != null) {
      shape.paramLabel(label);
    }
    shape.description(description);
    switch (arity) {
      case OPTIONAL_BOOLEAN -> shape.arity("0..1").fallbackValue("true");
      case NONE -> {
        if (type == boolean[].class) {
          shape.arity("0");
        }
      }
      case ONE -> {}
    }
    if (defaultValue != null) {
      shape.defaultValue(defaultValue);
    }
    if (converter != null) {
      shape.converters(new PicocliConverter<>(converter));
    }
    if (usageHelp) {
      shape.usageHelp(true);
    }
    if (versionHelp) {
      shape.versionHelp(true);
    }
    if (initial != null) {
      shape.initialValue(initial.get());
    }
    return shape.build();
  }
}
