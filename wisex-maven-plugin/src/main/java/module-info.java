/**
 * The {@code wisex:preinit} Maven goal on top of {@link dev.wisex.rewriter.Preinitializer}. Maven
 * runs plugins on a class path (a class realm), so this descriptor matters to javac and to tools;
 * the Maven API modules are automatic modules named after their jars.
 */
module dev.wisex.maven {
  requires dev.wisex.rewriter;
  requires maven.plugin.api;
  requires java.xml; // the generated wisex:help goal reads its descriptor
  requires static maven.plugin.annotations;

  // Exports nothing: Maven loads the goal from a class realm, never from a module layer, and no
  // code is meant to call it.

  uses dev.wisex.runtime.spi.WasmRuntime;
}
