package dev.wisex.cli;

import dev.wisex.api.MapDir;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --mapdir GUEST::HOST} with the API's own parser, so CLI and library accept the same
 * form.
 */
final class MapDirConverter implements ITypeConverter<MapDir> {
  @Override
  public MapDir convert(String spec) {
    try {
      return MapDir.parse(spec);
    } catch (IllegalArgumentException e) {
      // TypeConversionException makes picocli report a usage error with this message, not a stack
      // trace.
      throw new TypeConversionException(e.getMessage());
    }
  }
}
