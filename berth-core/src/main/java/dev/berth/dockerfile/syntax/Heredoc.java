package dev.berth.dockerfile.syntax;

/** Stand-in (replaced at merge): one here-document attached to a node. */
public record Heredoc(String name, int fileDescriptor, boolean expand, boolean chomp, String content) {}
