package dev.wisex.parser.analysis;

import java.util.Set;
import java.util.TreeSet;

/**
 * The boolean flags of a {@link CodeFeatures} that are set, by name, so a test states them as one
 * set.
 */
final class Flags {
  private Flags() {}

  static Set<String> of(CodeFeatures f) {
    Set<String> set = new TreeSet<>();
    if (f.simd()) {
      set.add("simd");
    }
    if (f.atomics()) {
      set.add("atomics");
    }
    if (f.bulkMemory()) {
      set.add("bulkMemory");
    }
    if (f.referenceTypes()) {
      set.add("referenceTypes");
    }
    if (f.exceptions()) {
      set.add("exceptions");
    }
    if (f.tailCalls()) {
      set.add("tailCalls");
    }
    if (f.tableMutation()) {
      set.add("tableMutation");
    }
    return set;
  }
}
