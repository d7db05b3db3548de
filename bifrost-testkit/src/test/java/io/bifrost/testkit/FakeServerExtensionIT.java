package io.bifrost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.support.Sockets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeServerExtensionIT {

    @RegisterExtension
    static final FakeServerExtension<FakeTcpOrigin> SHARED = FakeServerExtension.of(FakeTcpOrigin.echo());

    /** Fakes of the instance-field extension, checked after every test has run. */
    private static final List<Integer> PER_TEST_PORTS = new ArrayList<>();
    private static final List<FakeTcpOrigin> PER_TEST_FAKES = new ArrayList<>();

    @RegisterExtension
    final FakeServerExtension<FakeTcpOrigin> perTest = FakeServerExtension.of(FakeTcpOrigin.echo());

    @BeforeAll
    static void staticFakeIsAlreadyListening() throws IOException {
        echoOneByte(SHARED.get().port());
        // Wait for the record, so that it lands before the extension clears records for the first test.
        SHARED.get().awaitConnections(1, Duration.ofSeconds(5));
    }

    @AfterAll
    static void perTestFakesWereStopped() {
        assertThat(PER_TEST_PORTS).hasSize(2);
        for (int port : PER_TEST_PORTS) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    @Order(1)
    void firstTest_sharedFakeStartsWithoutTheBeforeAllRecord_recordsItsOwn() throws IOException {
        echoOneByte(SHARED.get().port());
        echoOneByte(perTest.get().port());
        PER_TEST_PORTS.add(perTest.get().port());
        PER_TEST_FAKES.add(perTest.get());

        assertThat(SHARED.get().awaitConnections(1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(perTest.get().awaitConnections(1, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    @Order(2)
    void secondTest_sharedFakeRecordsWereCleared_andItsInstanceFakeIsNew() {
        PER_TEST_PORTS.add(perTest.get().port());

        assertThat(SHARED.get().connections()).isEmpty();
        assertThat(SHARED.get().connectionsAccepted()).isZero();
        // a new fake, not the first one reused (the kernel may well hand it the same port number again)
        assertThat(perTest.get()).isNotSameAs(PER_TEST_FAKES.get(0));
        assertThat(perTest.get().connections()).isEmpty();
    }

    private static void echoOneByte(int port) throws IOException {
        try (Socket socket = Sockets.connect(port)) {
            socket.getOutputStream().write(42);
            socket.shutdownOutput();
            assertThat(socket.getInputStream().readAllBytes()).containsExactly(42);
        }
    }
}
