/** Public types of wisex: options, result and snapshot report, and the exception hierarchy. */
module dev.wisex.api {
  exports dev.wisex.api;
}
