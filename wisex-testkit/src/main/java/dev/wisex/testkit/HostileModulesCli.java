package dev.wisex.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one of {@link HostileModules}' modules for scripts that time them: {@code
 * HostileModulesCli KIND N OUT.wasm}, KIND one of exports, globals, types, br_table, memories.
 */
public final class HostileModulesCli {
  private HostileModulesCli() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: HostileModulesCli KIND N OUT.wasm");
    }
    int n = Integer.parseInt(args[1]);
    byte[] module =
        switch (args[0]) {
          case "exports" -> HostileModules.exports(n);
          case "globals" -> HostileModules.mutableGlobals(n);
          case "types" -> HostileModules.types(n);
          case "br_table" -> HostileModules.brTable(n);
          case "memories" -> HostileModules.memories(n);
          default -> throw new IllegalArgumentException("unknown kind " + args[0]);
        };
    Files.write(Path.of(args[2]), module);
  }
}
