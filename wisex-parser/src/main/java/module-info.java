/**
 * WebAssembly's binary format: the module model and its reader ({@code dev.wisex.parser}, sections
 * kept as exact bytes unless rewritten), the writers and assemblers ({@code
 * dev.wisex.parser.write}), and wisex's analyses of a module's code ({@code
 * dev.wisex.parser.analysis}).
 */
module dev.wisex.parser {
  requires transitive dev.wisex.api;

  exports dev.wisex.parser;
  exports dev.wisex.parser.write;
  exports dev.wisex.parser.analysis;
}
