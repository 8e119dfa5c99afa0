package id.lapak.simulator;

import java.net.http.HttpHeaders;

/** An answer as it came, for tests that check statuses and headers the typed methods would turn into exceptions. */
public record RawResponse(int status, HttpHeaders headers, String body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
