package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.InvalidInputException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ADD <url>} against a one-file HTTP server on 127.0.0.1. */
class AddUrlTest {

    private static final byte[] BODY = "tool v1\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    private ServerSocket server;
    private String url;

    @BeforeEach
    void serve() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        url = "http://127.0.0.1:" + server.getLocalPort() + "/files/tool.sh";
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length
                            + "\r\nLast-Modified: Wed, 21 Oct 2015 07:28:00 GMT\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(BODY);
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void addsTheFileWithMode0600AndChecksIt() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            var result = fixture.build("FROM scratch\nADD --checksum=" + Digest.sha256(BODY) + " " + url + " /opt/\n");

            assertThat(fixture.lastLayer(result)).containsExactly("opt dir 755 0:0", "opt/tool.sh file 600 0:0 tool v1\n");
            assertThat(fixture.config(result).history().getLast().createdBy()).isEqualTo("ADD " + url + " /opt/ # buildkit");
        }
    }

    @Test
    void wrongChecksumIsAnError() {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            String wrong = Digest.sha256(new byte[] {1}).toString();
            assertThatThrownBy(() -> fixture.build("FROM scratch\nADD --checksum=" + wrong + " " + url + " /opt/\n"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("checksum mismatch for " + url + ": expected " + wrong);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void addUrlWithABadChmodIsADiagnosticNotANumberFormatException() {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            assertThatThrownBy(() -> fixture.build("FROM scratch\nADD --chmod=u+x " + url + " /opt/\n"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("invalid --chmod=u+x: only octal modes are supported");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
