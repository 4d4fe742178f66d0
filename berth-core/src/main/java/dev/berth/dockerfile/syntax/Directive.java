package dev.berth.dockerfile.syntax;

/** Stand-in (replaced at merge): a parser directive such as {@code # syntax=...} or {@code # check=...}. */
public record Directive(String name, String value, int line) {}
