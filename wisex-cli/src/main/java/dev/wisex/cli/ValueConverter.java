package dev.wisex.cli;

/**
 * Converts the text of one option value, such as {@code 64KiB} or {@code GUEST::HOST}. wisex's own
 * interface rather than picocli's {@code ITypeConverter}, so that a run {@link PlainCommandLine}
 * parses loads no picocli class; {@link PicocliConverter} adapts it for picocli's model.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
interface ValueConverter<T> {
  /**
   * @throws IllegalArgumentException with the message for the user, for text that is no value
   */
  T convert(String text);
}
