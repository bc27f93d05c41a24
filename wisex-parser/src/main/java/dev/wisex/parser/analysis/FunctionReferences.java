package dev.wisex.parser.analysis;

import dev.wisex.parser.ConstExpr;
import dev.wisex.parser.ElementSegment;
import dev.wisex.parser.Export;
import dev.wisex.parser.ExternalKind;
import dev.wisex.parser.Global;
import dev.wisex.parser.WasmModule;
import java.util.BitSet;

/**
 * The functions a module's code takes a reference to ({@code ref.func}), and those the module
 * declares as referable: the spec lets code name a function with {@code ref.func} only if an
 * element segment, an export or a global's initializer names it too. Not every engine checks it
 * (Chicory 1.7.5 does not), and an output that keeps such code is refused by those that do.
 */
public final class FunctionReferences {
  private FunctionReferences() {}

  /** The functions named by {@code ref.func} in the module's function bodies. */
  public static BitSet inCode(WasmModule module) {
    BitSet referenced = new BitSet();
    SiteListener listener =
        new SiteListener() {
          @Override
          public void refFunc(int function) {
            referenced.set(function);
          }
        };
    InstructionDecoder.decodeBodies(module, i -> listener);
    return referenced;
  }

  /** The functions the module declares referable: in element segments, exports and globals. */
  public static BitSet declared(WasmModule module) {
    BitSet declared = new BitSet();
    for (ElementSegment segment : module.elements()) {
      declared.or(segment.functions());
    }
    for (Export export : module.exports()) {
      if (export.kind() == ExternalKind.FUNCTION) {
        declared.set(export.index());
      }
    }
    for (Global global : module.globals()) {
      ConstExpr.refFuncs(global.initExpr(), declared);
    }
    return declared;
  }
}
