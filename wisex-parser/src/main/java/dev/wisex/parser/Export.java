package dev.wisex.parser;

/** One export: a name and the index it refers to in its kind's index space. */
public record Export(String name, ExternalKind kind, int index) {}
