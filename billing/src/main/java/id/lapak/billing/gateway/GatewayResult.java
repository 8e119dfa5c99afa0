package id.lapak.billing.gateway;

/** The acquirer's answer to a capture, void, refund or reversal. */
public record GatewayResult(boolean success, String responseCode, String gatewayReference, String message) {}
