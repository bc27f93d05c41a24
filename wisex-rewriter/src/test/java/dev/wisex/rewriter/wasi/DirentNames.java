package dev.wisex.rewriter.wasi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decodes the dirent records fd_readdir wrote: 24-byte headers, d_namlen at 16, then the name. */
final class DirentNames {
  private DirentNames() {}

  static List<String> parse(byte[] memory, int address, int used) {
    List<String> names = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(memory).order(ByteOrder.LITTLE_ENDIAN);
    int at = address;
    while (at + 24 <= address + used) {
      int length = buffer.getInt(at + 16);
      if (at + 24 + length > address + used) {
        break;
      }
      names.add(new String(memory, at + 24, length, StandardCharsets.UTF_8));
      at += 24 + length;
    }
    return names;
  }
}
