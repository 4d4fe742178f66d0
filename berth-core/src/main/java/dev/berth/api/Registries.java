package dev.berth.api;

import dev.berth.archive.HostPlatform;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.error.NotFoundException;
import dev.berth.error.TransferException;
import dev.berth.event.TransferListener;
import dev.berth.image.Digest;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.InvalidReferenceException;
import dev.berth.image.Platform;
import dev.berth.image.StandardMediaType;
import dev.berth.registry.CredentialStore;
import dev.berth.registry.ImagePuller;
import dev.berth.registry.ImagePusher;
import dev.berth.registry.PulledImage;
import dev.berth.registry.PushCompression;
import dev.berth.registry.PushedImage;
import dev.berth.registry.RegistryConfig;
import dev.berth.registry.RegistryCredentials;
import dev.berth.registry.RegistryEndpoint;
import dev.berth.registry.RegistryLogin;
import dev.berth.registry.RegistryTransport;
import dev.berth.registry.RetryPolicy;
import dev.berth.store.LocalStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Images to and from registries ({@link Berth#registries()}): {@code pull}, {@code push}, {@code login},
 * {@code logout}. Credentials come from Docker's {@code config.json} (and its credential helpers) and the containers
 * tools' {@code auth.json}, found through the {@link Settings}' environment; insecure registries and the rest are in
 * Berth's {@code registries.json} ({@link #configFile()}). A pulled image is stored and named as {@code berth load}
 * stores images, so {@code images}, {@code run} and {@code FROM} see it.
 */
public final class Registries {

    private final LocalStore store;
    private final Settings settings;
    private final ImageCatalog catalog;
    private final ArchiveTransfer archives;
    private final RetryPolicy retry;

    Registries(LocalStore store, Settings settings, ImageCatalog catalog, ArchiveTransfer archives, RetryPolicy retry) {
        this.store = store;
        this.settings = settings;
        this.catalog = catalog;
        this.archives = archives;
        this.retry = retry;
    }

    /** Where Berth's registry configuration is read from (it need not exist). */
    public java.nio.file.Path configFile() {
        return RegistryConfig.configDirectory(settings.environment()).resolve(RegistryConfig.FILE_NAME);
    }

    /**
     * Pulls an image (by tag or digest; an index resolved to the request's platform or the host's), or every tag
     * with {@link PullRequest#allTags()}, and stores it.
     */
    public List<PullResult> pull(PullRequest request, TransferListener listener) {
        ImageReference reference = parse(request.reference());
        Platform platform = request.platform().map(Registries::platform).orElseGet(HostPlatform::platform);
        try (RegistryTransport transport = transport()) {
            ImagePuller puller = new ImagePuller(transport, store, ImageJson.standard(), retry);
            List<ImageReference> wanted = new ArrayList<>();
            if (request.allTags()) {
                if (reference.tag().isPresent() || reference.digest().isPresent()) {
                    throw invalidArgument("tag can't be used with --all-tags/-a");
                }
                puller.tags(reference).forEach(tag -> wanted.add(reference.withTag(tag)));
            } else {
                wanted.add(reference);
            }
            List<PullResult> results = new ArrayList<>();
            for (ImageReference one : wanted) {
                PulledImage pulled = puller.pull(one, platform, listener);
                archives.unpackForRuns(pulled.manifest());
                results.add(new PullResult(pulled.reference().toString(), pulled.digest(), pulled.changed()));
            }
            return results;
        }
    }

    /** Pushes a stored image to the registry its reference names; gives the manifest digest the registry has. */
    public PushResult push(PushRequest request, TransferListener listener) {
        PushCompression compression = compression(request);
        ImageReference target = parse(request.reference());
        StoredImage image = catalog.find(request.source().orElse(request.reference()));
        if (image.descriptor().mediaType().equals(StandardMediaType.OCI_INDEX.value())
                || image.descriptor().mediaType().equals(StandardMediaType.DOCKER_MANIFEST_LIST.value())) {
            throw new TransferException("pushing " + target.familiar() + ": the stored image is an index; "
                    + "pushing indexes is not supported yet");
        }
        try (RegistryTransport transport = transport()) {
            PushedImage pushed = new ImagePusher(transport, store, ImageJson.standard())
                    .push(target, image.descriptor(), compression, listener);
            return new PushResult(pushed.reference().toString(), pushed.digest(), pushed.size());
        }
    }

    /**
     * {@code push --all-tags}: pushes every stored tag of {@code repository}, in tag order; gives each push's result.
     *
     * @throws dev.berth.error.InvalidInputException when {@code repository} names a tag or digest
     * @throws dev.berth.error.NotFoundException when the store has no tag of the repository
     */
    public List<PushResult> pushAllTags(String repository, TransferListener listener) {
        return pushAllTags(PushRequest.builder(repository).build(), listener);
    }

    /**
     * {@code push --all-tags} with the request's options; its reference is the repository.
     *
     * @throws dev.berth.error.InvalidInputException when the reference names a tag or digest
     * @throws dev.berth.error.NotFoundException when the store has no tag of the repository
     */
    public List<PushResult> pushAllTags(PushRequest request, TransferListener listener) {
        compression(request);
        ImageReference named = parse(request.reference());
        if (named.tag().isPresent() || named.digest().isPresent()) {
            throw invalidArgument("tag can't be used with --all-tags/-a");
        }
        List<String> tags = catalog.all().stream().flatMap(image -> image.names().stream())
                .map(ImageReference::parse)
                .filter(stored -> stored.name().equals(named.name()) && stored.tag().isPresent())
                .map(ImageReference::toString).distinct().sorted().toList();
        if (tags.isEmpty()) {
            throw new NotFoundException("An image does not exist locally with the tag: " + named.familiar());
        }
        return tags.stream().map(tag -> push(request.withReference(tag), listener)).toList();
    }

    /** The request's compression options, refused as bad input (before the image is looked for) when out of range. */
    private static PushCompression compression(PushRequest request) {
        try {
            return new PushCompression(request.compressionFormat(), request.compressionLevel());
        } catch (IllegalArgumentException e) {
            throw invalidArgument(e.getMessage());
        }
    }

    /** Checks the credentials against the registry, then stores them as {@code docker login} does. */
    public LoginResult login(LoginRequest request) {
        String registry = request.registry().map(Registries::registryName).orElse(RegistryEndpoint.DOCKER_HUB);
        try (RegistryTransport transport = transport()) {
            String storedIn = new RegistryLogin(transport)
                    .login(registry, new RegistryCredentials(request.username(), request.password()));
            return new LoginResult(transport.endpoint(registry).domain(), storedIn);
        }
    }

    /**
     * Removes the stored credentials of a registry (Docker Hub when empty); false when there were none.
     *
     * @return the registry's canonical name and whether anything was removed
     */
    public boolean logout(Optional<String> registry) {
        String name = registry.map(Registries::registryName).orElse(RegistryEndpoint.DOCKER_HUB);
        return new CredentialStore(settings.environment()).remove(name);
    }

    /** The registry's name as {@code login} and {@code logout} print it: {@code docker.io} for Docker Hub's aliases. */
    public static String canonicalRegistry(Optional<String> registry) {
        String name = registry.map(Registries::registryName).orElse(RegistryEndpoint.DOCKER_HUB);
        return name.equals("registry-1.docker.io") || name.equals("index.docker.io") ? RegistryEndpoint.DOCKER_HUB : name;
    }

    /** A base-image fetcher for one build, under its pull policy. */
    RegistryBaseImages baseImages(PullPolicy policy) {
        return new RegistryBaseImages(policy, this::pullForBuild);
    }

    private Digest pullForBuild(String reference, Platform platform, TransferListener listener) {
        ImageReference parsed = parse(reference);
        try (RegistryTransport transport = transport()) {
            PulledImage pulled = new ImagePuller(transport, store, ImageJson.standard(), retry)
                    .pull(parsed, platform, listener);
            archives.unpackForRuns(pulled.manifest());
            return pulled.digest();
        }
    }

    private RegistryTransport transport() {
        RegistryConfig config = RegistryConfig.load(settings.environment(), RegistryConfig.DOCKER_CERTS_DIRECTORY);
        return new RegistryTransport(config, new CredentialStore(settings.environment()), retry, settings.clock());
    }

    /** {@code https://host:5000/} and {@code host:5000} are the same registry to login and logout. */
    private static String registryName(String text) {
        String rest = text.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static ImageReference parse(String text) {
        try {
            return ImageReference.parse(text);
        } catch (InvalidReferenceException e) {
            throw e.toInvalidInput("<argument>", 1, 1);
        }
    }

    /** A bad argument, reported as the CLI reports bad input (exit 1). */
    static InvalidInputException invalidArgument(String message) {
        return new InvalidInputException(Diagnostic.error("<argument>", SourceRange.columns(1, 1, 2), message), null);
    }

    /** {@code os/arch[/variant]}. */
    static Platform platform(String text) {
        String[] parts = text.split("/");
        if (parts.length < 2 || parts.length > 3 || List.of(parts).stream().anyMatch(String::isEmpty)) {
            throw invalidArgument("invalid platform \"" + text + "\": write os/arch[/variant], e.g. linux/amd64");
        }
        return parts.length == 2 ? Platform.of(parts[0], parts[1]) : Platform.of(parts[0], parts[1], parts[2]);
    }
}
