package dev.wisex.parser;

/**
 * A defined global: its type and its constant initializer expression, kept as exact bytes (with the
 * final {@code end}) so an unchanged global is written back unchanged.
 */
public record Global(GlobalType type, byte[] initExpr) {}
