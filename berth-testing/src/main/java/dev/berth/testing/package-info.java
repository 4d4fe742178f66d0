/**
 * Fixtures for Berth's integration tests ({@code *IT}, run by failsafe): real parts to test against, started
 * on this machine and stopped by pid.
 *
 * <p>Owns: {@link dev.berth.testing.DockerEngine} (a {@code dockerd} on its own socket, the oracle),
 * {@link dev.berth.testing.LocalRegistry} (Debian's {@code docker-registry} on 127.0.0.1, optionally with basic
 * auth), {@link dev.berth.testing.BaseImages} (root filesystem tarballs made from Debian packages, cached once per
 * machine) and {@link dev.berth.testing.IntegrationFixtures}, the JUnit 5 extension that hands them to tests as
 * parameters; for unit tests too, {@link dev.berth.testing.TarBuilder} (tars made in memory, hostile ones
 * included) and {@link dev.berth.testing.CompressedBytes}. Takes: the host's binaries ({@code dockerd}, {@code docker}, {@code docker-registry},
 * {@code tar}, {@code dpkg-deb}, {@code apt-get}, {@code mmdebstrap}, {@code htpasswd}) and root rights.
 * Gives: started services and files; never traffic beyond 127.0.0.1.
 */
package dev.berth.testing;
