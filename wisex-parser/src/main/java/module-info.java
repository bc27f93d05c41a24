/** WebAssembly binary reader and writer: sections kept as exact bytes unless rewritten. */
module dev.wisex.parser {
  requires transitive dev.wisex.api;

  exports dev.wisex.parser;
  exports dev.wisex.parser.code;
}
