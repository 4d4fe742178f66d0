/**
 * Bridge networks for containers, on Podman's network stack: Debian's {@code netavark} makes the interfaces and the
 * firewall rules and starts {@code aardvark-dns}; Berth keeps the definitions, the addresses and the host ports.
 *
 * <p>Owns: {@link dev.berth.network.NetworkDefinition}s in a {@link dev.berth.network.NetworkStore} (one Podman-format
 * JSON file per network, written atomically; Docker's name rules, the default {@code bridge} network without DNS,
 * subnets from a {@link dev.berth.network.SubnetPool} clear of other networks and {@link dev.berth.network.HostRoutes});
 * a container's {@link dev.berth.network.NetworkNamespace} ({@code ip netns}); the {@link dev.berth.network.Netavark}
 * driver ({@code setup} and {@code teardown} with {@link dev.berth.network.Attachment}s and
 * {@link dev.berth.network.PublishedPort}s, giving a {@link dev.berth.network.NetworkSetup} of
 * {@link dev.berth.network.Endpoint}s and {@link dev.berth.network.PortMapping}s), with the address and port leases
 * netavark leaves to its caller; and the container's {@link dev.berth.network.ResolvConf} and
 * {@link dev.berth.network.HostsFile}.
 *
 * <p>Takes: a directory for definitions ({@code <store>/networks/}) and one for runtime state
 * ({@code /run/berth/networks}). Gives: failures as {@link dev.berth.error.BerthException}s naming the network and
 * the container (netavark's own error quoted), malformed flag values as
 * {@link dev.berth.network.NetworkArgumentException}s with Docker's messages. Uses {@code store} (its lock) and
 * {@code runtime} (the namespace entry of a spec) only; the sandbox and {@code container} are its clients.
 */
package dev.berth.network;
