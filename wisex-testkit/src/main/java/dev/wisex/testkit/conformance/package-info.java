/**
 * The conformance kit: the SPI contract every runtime backend must meet, as JUnit 5 test interfaces
 * with default methods. A backend runs all of it with one test class that implements {@link
 * dev.wisex.testkit.conformance.WasmRuntimeContract} and says which runtime to test; tests of its
 * engine's own behaviour stay in the backend.
 */
package dev.wisex.testkit.conformance;
