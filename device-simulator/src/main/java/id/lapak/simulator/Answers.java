package id.lapak.simulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** What the device makes of the server's answers: success, an RFC 9457 problem, JSON, or a network failure. */
final class Answers {

    private Answers() {}

    static RawResponse expectSuccess(RawResponse response) {
        if (response.successful()) {
            return response;
        }
        throw problem(response);
    }

    /** Reads RFC 9457 problem details; a body that is not one still gives the status and its text. */
    static ApiException problem(RawResponse response) {
        String retryAfter = response.header("Retry-After");
        String body = response.body() == null ? "" : response.body();
        try {
            JsonNode problem = Json.MAPPER.readTree(body);
            if (problem != null && problem.isObject()) {
                return new ApiException(
                        response.status(),
                        Json.text(problem, "title"),
                        Json.text(problem, "detail"),
                        Json.text(problem, "reason"),
                        Json.text(problem, "type"),
                        retryAfter,
                        body);
            }
        } catch (JacksonException notJson) {
            // fall through: a proxy's HTML page or an empty body still deserves a readable error
        }
        String excerpt = body.isBlank()
                ? null
                : body.strip().substring(0, Math.min(200, body.strip().length()));
        return new ApiException(response.status(), null, excerpt, null, null, retryAfter, body);
    }

    static JsonNode parse(RawResponse response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new ApiException(
                    response.status(),
                    "Unreadable answer",
                    "the server's answer is not JSON: " + e.getOriginalMessage(),
                    null,
                    null,
                    null,
                    response.body());
        }
    }

    static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "cannot connect" + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "");
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() != null
                ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName();
    }
}
