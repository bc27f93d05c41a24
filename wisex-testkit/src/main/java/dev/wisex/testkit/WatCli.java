package dev.wisex.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line wat2wasm for scripts that regenerate test fixtures: {@code WatCli in.wat out.wasm}.
 */
public final class WatCli {
  private WatCli() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: WatCli IN.wat OUT.wasm");
    }
    Files.write(Path.of(args[1]), Wat.assemble(Files.readString(Path.of(args[0]))));
  }
}
