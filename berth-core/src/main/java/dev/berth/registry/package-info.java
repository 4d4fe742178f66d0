/**
 * A client of the OCI distribution protocol: where a reference's registry is ({@link dev.berth.registry.RegistryEndpoint}),
 * how to reach it ({@link dev.berth.registry.RegistryTransport}: HTTPS with {@code /etc/docker/certs.d}, plain HTTP for
 * loopback and insecure registries, retries, the {@code WWW-Authenticate} challenge), whose credentials to send
 * ({@link dev.berth.registry.CredentialStore}: Docker's {@code config.json}, credential helpers, containers'
 * {@code auth.json}), and the two transfers: {@link dev.berth.registry.ImagePuller} into the store's verified ingest and
 * {@link dev.berth.registry.ImagePusher} out of it. Knows nothing of builds, plans or the API above it.
 */
package dev.berth.registry;
