package dev.scion.versioning.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Hands each test a fresh {@link TestRepo} in a temporary directory of its own, as a parameter of the
 * {@code @BeforeEach} method or of the test, and closes and deletes it when the test ends. The same test's
 * {@code @BeforeEach} and body get the same repository.
 *
 * <p>Why an extension: most versioning tests need exactly this and had each written the temp directory, the
 * repository and the closing again.
 */
public final class TestRepoExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestRepoExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestRepo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Scratch.class, k -> new Scratch(), Scratch.class).repo;
    }

    /** The repository and its directory, closed and deleted by JUnit when the test's context closes. */
    private static final class Scratch implements ExtensionContext.Store.CloseableResource {
        private final Path dir;
        private final TestRepo repo;

        Scratch() {
            try {
                dir = Files.createTempDirectory("scion-test-repo");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            repo = new TestRepo(dir);
        }

        @Override
        public void close() throws IOException {
            repo.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
