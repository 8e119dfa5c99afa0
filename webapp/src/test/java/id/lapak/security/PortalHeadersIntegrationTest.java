package id.lapak.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.testing.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Portal responses carry the security headers, and the session cookie is SameSite=Lax and HttpOnly. */
@ServerIntegrationTest
class PortalHeadersIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aPortalPageCarriesTheSecurityHeadersAndALaxSessionCookie() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp ->
                        assertThat(csp).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .allSatisfy(
                        cookie -> assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly"));
    }
}
