package dev.berth.api;

/**
 * A login that the registry accepted.
 *
 * @param registry the registry's canonical name ({@code docker.io}, {@code host:port})
 * @param storedIn where the credentials went: a file, or {@code credential helper docker-credential-NAME}
 */
public record LoginResult(String registry, String storedIn) {}
