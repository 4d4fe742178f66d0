package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands integration tests their real parts as parameters: a {@link DockerEngine}, a
 * {@link LocalRegistry} and the {@link BaseImages}. Each is made once per test JVM, on first use, and kept in the
 * root store, which closes it (stopping what this JVM started) when the test plan ends.
 *
 * <pre>{@code
 * @ExtendWith(IntegrationFixtures.class)
 * class PushIT {
 *     @Test void pushes(DockerEngine docker, LocalRegistry registry, BaseImages images) { ... }
 * }
 * }</pre>
 *
 * Tests share the one registry, so each should push to a repository name of its own.
 */
public final class IntegrationFixtures implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(IntegrationFixtures.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DockerEngine.class || type == LocalRegistry.class || type == BaseImages.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Class<?> type = parameter.getParameter().getType();
        if (type == DockerEngine.class) {
            return store.getOrComputeIfAbsent(DockerEngine.class, key -> DockerEngine.startOrAttach(), DockerEngine.class);
        }
        if (type == LocalRegistry.class) {
            return store.getOrComputeIfAbsent(LocalRegistry.class, key -> SharedRegistry.start(), SharedRegistry.class).registry();
        }
        return store.getOrComputeIfAbsent(BaseImages.class, key -> BaseImages.standard(), BaseImages.class);
    }

    /** The JVM's shared registry together with its temporary directory, both gone when the store closes. */
    private record SharedRegistry(LocalRegistry registry, Path workDir) implements AutoCloseable {

        static SharedRegistry start() {
            try {
                Path workDir = Files.createTempDirectory("berth-test-registry-");
                return new SharedRegistry(LocalRegistry.start(workDir), workDir);
            } catch (IOException e) {
                throw new UncheckedIOException("making a directory for the test registry", e);
            }
        }

        @Override
        public void close() throws IOException {
            registry.close();
            BaseImages.deleteRecursively(workDir);
        }
    }
}
