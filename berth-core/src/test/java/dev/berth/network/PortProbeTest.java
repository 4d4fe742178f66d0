package dev.berth.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** {@link PortProbe#binding()} on real sockets of the loopback address. */
class PortProbeTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aListenedPortIsBusy() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK)) {
            assertThat(PortProbe.binding().isFree(TransportProtocol.TCP, "127.0.0.1", listener.getLocalPort())).isFalse();
        }
    }

    /**
     * Regression: {@code compose up} right after Docker Compose's {@code down} (or Berth's) refused the published
     * port as "a host process has it": the server side of the last connection was in {@code TIME_WAIT}.
     */
    @Test
    void aPortLeftInTimeWaitByAClosedServerIsFree() throws IOException {
        int port;
        try (ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(LOOPBACK, 0), 1);
            port = listener.getLocalPort();
            try (Socket client = new Socket(LOOPBACK, port); Socket served = listener.accept()) {
                // The server closes first, so its end of the connection stays in TIME_WAIT on the port.
                served.close();
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
        }
        assertThat(PortProbe.binding().isFree(TransportProtocol.TCP, "127.0.0.1", port)).isTrue();
    }
}
