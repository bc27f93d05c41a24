package dev.wisex.rewriter;

import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A library user whose class path holds Chicory jars of another release, run by {@link
 * ForeignEngineJarsTest} in a child JVM: pre-initializes {@code args[0]} with the default choice
 * into {@code args[1]}, then asks for Chicory by name, and writes the backend that ran and
 * Chicory's refusal to {@code args[2]}.
 */
final class ForeignEngineJarsUser {
  private ForeignEngineJarsUser() {}

  public static void main(String[] args) throws IOException {
    byte[] module = Files.readAllBytes(Path.of(args[0]));
    WisexResult result =
        new Preinitializer(WisexOptions.builder().noCache().build()).preinitialize(module);
    Files.write(Path.of(args[1]), result.module());
    String refusal;
    try {
      new Preinitializer(WisexOptions.builder().noCache().runtime("chicory").build())
          .preinitialize(module);
      refusal = "(none)";
    } catch (WisexException e) {
      refusal = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    Files.writeString(Path.of(args[2]), result.report().runtime() + "\n" + refusal);
  }
}
