package dev.wisex.runtime.chicory;

import dev.wisex.api.MalformedModuleException;
import dev.wisex.parser.ByteReader;
import dev.wisex.parser.Section;

/**
 * Spots a 64-bit memory in the raw bytes. Chicory's parser rejects one with "invalid memory limit:
 * 4", which tells a user nothing; walking the section headers is enough to say what is actually
 * wrong.
 */
final class Memory64Probe {
  private static final int FLAG_HAS_MAX = 0x01;
  private static final int FLAG_64 = 0x04;

  private Memory64Probe() {}

  /**
   * Whether the memory section declares a 64-bit memory. Imported memories are not inspected: wisex
   * links only host functions, so such a module fails at link time anyway. Malformed input answers
   * {@code false} and is left to the parser to explain.
   */
  static boolean declaresMemory64(byte[] module) {
    try {
      Section memories = Section.find(module, Section.MEMORY);
      return memories != null
          && scan(new ByteReader(module, memories.contentStart(), memories.end()));
    } catch (MalformedModuleException e) {
      return false;
    }
  }

  private static boolean scan(ByteReader in) {
    int count = in.u32Length("memory count");
    for (int i = 0; i < count; i++) {
      int flags = in.u8("memory limits flags");
      if ((flags & FLAG_64) != 0) {
        return true;
      }
      in.u64("memory minimum");
      if ((flags & FLAG_HAS_MAX) != 0) {
        in.u64("memory maximum");
      }
    }
    return false;
  }
}
