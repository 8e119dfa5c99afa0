package id.lapak.billing.gateway;

/**
 * The acquirer's answer. {@code responseCode} is the ISO 8583 response code ({@code 00} approved, {@code 10}
 * partial approval, {@code 51} insufficient funds, {@code 05} do not honour, {@code 54} expired card, {@code 14}
 * invalid card number, {@code 91} issuer unavailable). {@code gatewayReference} names the authorization for
 * capture, void and refund.
 */
public record AuthorizationResult(
        Outcome outcome,
        String responseCode,
        String authorizationCode,
        String gatewayReference,
        long approvedAmountMinor,
        String message) {

    public enum Outcome {
        APPROVED,
        PARTIALLY_APPROVED,
        DECLINED
    }

    public boolean approved() {
        return outcome != Outcome.DECLINED;
    }
}
