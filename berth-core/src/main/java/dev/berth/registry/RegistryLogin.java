package dev.berth.registry;

import dev.berth.error.TransferException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * {@code berth login} and {@code logout}: credentials are checked against the registry ({@code GET /v2/} answering
 * its challenge with them, through the token server for bearer auth) before they are stored, as Docker does.
 */
public final class RegistryLogin {

    private final RegistryTransport transport;

    public RegistryLogin(RegistryTransport transport) {
        this.transport = transport;
    }

    /** Checks the credentials, then stores them; gives where they went (a file or a credential helper). */
    public String login(String domain, RegistryCredentials credentials) {
        RegistryEndpoint endpoint = transport.endpoint(domain);
        String what = "logging in to " + endpoint.domain();
        HttpResponse<InputStream> response = transport.send(endpoint, "", RegistryCall.get(endpoint.resolve("/v2/"),
                Map.of(), what), Optional.of(credentials));
        if (response.statusCode() != 200) {
            throw RegistryTransport.refused(response, endpoint, what);
        }
        RegistryTransport.discardQuietly(response);
        return transport.credentials().save(endpoint.domain(), credentials);
    }

    /** Removes the stored credentials for the registry. */
    public void logout(String domain) {
        String registry = RegistryEndpoint.canonicalDomain(domain);
        if (!transport.credentials().remove(registry)) {
            throw new TransferException("not logged in to " + registry);
        }
    }
}
