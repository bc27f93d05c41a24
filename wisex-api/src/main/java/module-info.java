/**
 * Public types of wisex: options, result and snapshot report, the exception hierarchy, and what the
 * CLI and the Maven plugin share without an engine (the report's JSON, {@code AtomicFile}'s
 * all-or-nothing output commit).
 */
module dev.wisex.api {
  exports dev.wisex.api;
}
