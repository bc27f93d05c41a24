package dev.wisex.runtime.chicory;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wisex.runtime.spi.FuncType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Translates between the SPI's value types and Chicory's, and spells signatures for messages. */
final class ValTypes {
  private ValTypes() {}

  static ValType toChicory(dev.wisex.runtime.spi.ValType type) {
    return switch (type) {
      case I32 -> ValType.I32;
      case I64 -> ValType.I64;
      case F32 -> ValType.F32;
      case F64 -> ValType.F64;
      case V128 -> ValType.V128;
      case FUNCREF -> ValType.FuncRef;
      case EXTERNREF -> ValType.ExternRef;
    };
  }

  static FunctionType toChicory(FuncType type) {
    return FunctionType.of(toChicory(type.params()), toChicory(type.results()));
  }

  private static List<ValType> toChicory(List<dev.wisex.runtime.spi.ValType> types) {
    return types.stream().map(ValTypes::toChicory).toList();
  }

  /** The SPI's spelling of a signature, or empty if it uses a type the SPI has no name for. */
  static Optional<FuncType> toSpi(FunctionType type) {
    List<dev.wisex.runtime.spi.ValType> params = toSpi(type.params());
    List<dev.wisex.runtime.spi.ValType> results = toSpi(type.returns());
    return params == null || results == null
        ? Optional.empty()
        : Optional.of(FuncType.of(params, results));
  }

  private static List<dev.wisex.runtime.spi.ValType> toSpi(List<ValType> types) {
    List<dev.wisex.runtime.spi.ValType> spi = new ArrayList<>();
    for (ValType type : types) {
      dev.wisex.runtime.spi.ValType match = null;
      for (dev.wisex.runtime.spi.ValType candidate : dev.wisex.runtime.spi.ValType.values()) {
        if (toChicory(candidate).equals(type)) {
          match = candidate;
        }
      }
      if (match == null) {
        return null;
      }
      spi.add(match);
    }
    return spi;
  }

  /** A signature as WAT spells its types, e.g. {@code (i32, i64) -> (f32)}. */
  static String describe(FunctionType type) {
    return describe(type.params()) + " -> " + describe(type.returns());
  }

  private static String describe(List<ValType> types) {
    return types.stream().map(ValTypes::describe).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String describe(ValType type) {
    if (type.equals(ValType.FuncRef)) {
      return "funcref";
    }
    if (type.equals(ValType.ExternRef)) {
      return "externref";
    }
    return type.toString().toLowerCase(Locale.ROOT);
  }
}
