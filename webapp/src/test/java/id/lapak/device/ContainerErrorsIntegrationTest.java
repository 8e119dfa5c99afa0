package id.lapak.device;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.testing.ServerIntegrationTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request the servlet container itself refuses still gets problem+json under /api/. */
@ServerIntegrationTest
class ContainerErrorsIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aPathWithANulByteIsAProblemNotAnHtmlPage() throws Exception {
        String answer = raw("GET /api/device/v1/time%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer)
                .contains("\"reason\":\"request_invalid\"")
                .doesNotContain("<html")
                .doesNotContain("Tomcat");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
