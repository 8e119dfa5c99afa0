package id.lapak.simulator.cli;

import static id.lapak.simulator.cli.Cli.PROGRAM;

import id.lapak.simulator.ApiException;
import id.lapak.simulator.PaymentReply;
import java.io.PrintStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Where the commands write, and how they print payments, the server's problems and JSON. */
final class Output {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final PrintStream out;
    final PrintStream err;

    Output(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void printPayment(PaymentReply reply) {
        var body = reply.body();
        StringBuilder line = new StringBuilder(reply.outcome() == null ? "?" : reply.outcome());
        line.append(" payment ").append(reply.paymentId()).append(" status ").append(reply.saleStatus());
        if (!body.path("authorizationCode").isNull() && body.has("authorizationCode")) {
            line.append(" auth ").append(body.path("authorizationCode").asString());
        }
        if (body.path("approved").asBoolean(false) && !reply.approvedAmount().isEmpty()) {
            line.append(" amount ").append(reply.approvedAmount());
        }
        if (reply.declineReason() != null) {
            line.append(" reason ").append(reply.declineReason());
        }
        if (reply.responseCode() != null) {
            line.append(" code ").append(reply.responseCode());
        }
        line.append(" ")
                .append(body.path("cardBrand").asString(body.path("brand").asString("")))
                .append(" ")
                .append(body.path("maskedPan").asString(""));
        if (body.path("offline").asBoolean(false)) {
            line.append(" offline at ").append(body.path("deviceTime").asString());
        }
        if (reply.replayed()) {
            line.append(" (replayed)");
        }
        out.println(line);
    }

    void printProblem(ApiException e) {
        err.println(PROGRAM + ": the server answered " + e.status() + (e.title() != null ? " " + e.title() : ""));
        if (e.detail() != null) {
            err.println("  detail: " + e.detail());
        }
        if (e.reason() != null) {
            err.println("  reason: " + e.reason());
        }
        if (e.retryAfter() != null) {
            err.println("  retry after: " + e.retryAfter() + " s");
        }
    }

    static String storeCurrency(String configJson) {
        try {
            return JSON.readTree(configJson).path("store").path("currency").asString("IDR");
        } catch (JacksonException e) {
            return "IDR";
        }
    }

    static String storeName(String configJson) {
        try {
            var name = JSON.readTree(configJson).path("store").path("name");
            return name.isString() ? name.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JacksonException e) {
            return json;
        }
    }
}
