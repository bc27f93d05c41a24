package dev.wisex.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option's {@link ValueConverter} as picocli calls it: a rejected value becomes picocli's
 * conversion error, which it reports as a usage error with the converter's message (exit 2).
 */
record PicocliConverter<T>(ValueConverter<T> converter) implements ITypeConverter<T> {
  @Override
  public T convert(String text) {
    try {
      return converter.convert(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
