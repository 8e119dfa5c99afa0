package id.lapak.simulator;

import java.math.BigDecimal;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The server's answer to a payment, refund or void: the HTTP status and the JSON body. */
public record PaymentReply(int status, String json) {

    public JsonNode body() {
        return Json.MAPPER.readTree(json);
    }

    public UUID paymentId() {
        String id = Json.text(body(), "paymentId");
        return id == null ? null : UUID.fromString(id);
    }

    /** {@code APPROVED}, {@code PARTIALLY_APPROVED}, {@code DECLINED}, {@code TIMED_OUT} or {@code FAILED}. */
    public String outcome() {
        return Json.text(body(), "outcome");
    }

    public String saleStatus() {
        return Json.text(body(), "status");
    }

    public String declineReason() {
        return Json.text(body(), "declineReason");
    }

    public String responseCode() {
        return Json.text(body(), "responseCode");
    }

    /**
     * The approved amount as people read it, in major units with the payment's own {@code fractionDigits}
     * ({@code IDR 30000}, {@code USD 12.50}); empty when the answer has no amount.
     */
    public String approvedAmount() {
        var body = body();
        if (!body.path("approvedAmountMinor").isIntegralNumber()
                || !body.path("fractionDigits").isIntegralNumber()) {
            return "";
        }
        return body.path("currency").asString("") + " "
                + BigDecimal.valueOf(
                                body.path("approvedAmountMinor").asLong(),
                                body.path("fractionDigits").asInt())
                        .toPlainString();
    }

    public boolean replayed() {
        return body().path("replayed").asBoolean(false);
    }
}
