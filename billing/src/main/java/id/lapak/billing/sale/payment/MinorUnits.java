package id.lapak.billing.sale.payment;

import id.lapak.billing.sale.PaymentRefusedException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * An amount field of the payment API: a JSON integer of minor units. A number with a fraction ({@code 15000.5},
 * even {@code 15000.00}) is refused as {@code amount_precision} rather than cut to an integer, which is what a
 * device that counts in another minor unit than the store's currency would send.
 */
final class MinorUnits extends ValueDeserializer<Long> {

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            throw precision();
        }
        return (Long) ctxt.handleUnexpectedToken(Long.class, p);
    }

    static PaymentRefusedException precision() {
        return new PaymentRefusedException(
                "amount_precision", "Amounts are whole numbers of minor units (see fractionDigits)", 400);
    }
}
