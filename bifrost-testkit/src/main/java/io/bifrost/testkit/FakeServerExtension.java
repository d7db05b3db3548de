package io.bifrost.testkit;

import static java.util.Objects.requireNonNull;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that runs a {@link FakeServer} around the tests of a class, in the manner of Armeria's
 * {@code ServerExtension}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());
 *
 * @Test
 * void get_hello_answersHello() {
 *     ... client.get(origin.get().port(), "127.0.0.1", "/hello") ...
 *     assertThat(origin.get().requests()).hasSize(1);
 * }
 * }</pre>
 *
 * <ul>
 *   <li>In a {@code static} field the fake starts before all tests of the class and stops after them. In an
 *       instance field it starts before each test and stops after it (the fake then belongs to one test
 *       instance).</li>
 *   <li>Records are cleared before each test, so a static fake shared by several tests does not leak one test's
 *       requests into the next. Requests made in the test's own {@code @BeforeEach} methods are kept, because
 *       extensions run before them.</li>
 * </ul>
 *
 * <p>The extension blocks the JUnit thread while starting and stopping (see {@link FakeServer#startAndAwait()}).
 *
 * @param <T> the type of the fake, so that {@link #get()} gives access to its own API
 */
public final class FakeServerExtension<T extends FakeServer>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private enum Scope { NOT_STARTED, CLASS, TEST }

    private final T server;
    private Scope scope = Scope.NOT_STARTED;

    private FakeServerExtension(T server) {
        this.server = requireNonNull(server, "server");
    }

    /** Wraps a fake that has not been started yet. */
    public static <T extends FakeServer> FakeServerExtension<T> of(T server) {
        return new FakeServerExtension<>(server);
    }

    /** The fake this extension runs. */
    public T get() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIfNeeded(Scope.CLASS);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIfNeeded(Scope.TEST);
        server.clearRecords();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIf(Scope.TEST);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIf(Scope.CLASS);
    }

    private synchronized void startIfNeeded(Scope requested) {
        if (scope == Scope.NOT_STARTED) {
            server.startAndAwait();
            scope = requested;
        }
    }

    private synchronized void stopIf(Scope owner) {
        if (scope == owner) {
            server.close();
        }
    }
}
