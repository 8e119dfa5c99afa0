package id.lapak.billing.sale;

import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.gateway.EntryMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A sale row as the payment path reads it. */
public record SaleRow(
        UUID tenantId,
        UUID id,
        UUID storeId,
        UUID deviceId,
        byte[] requestHash,
        SaleStatus status,
        Instant claimedUntil,
        String currency,
        long amountMinor,
        long tipMinor,
        long taxMinor,
        UUID customerId,
        EntryMode entryMode,
        boolean offline,
        Instant deviceTime,
        Instant receivedAt,
        Instant soldAt,
        CardBrand brand,
        String maskedPan,
        Integer expiryMonth,
        Integer expiryYear,
        String responseCode,
        String authorizationCode,
        String declineReason,
        String gatewayReference,
        long authorizedMinor,
        long capturedMinor,
        long refundedMinor,
        long version) {

    static final String COLUMNS = """
            tenant_id, id, store_id, device_id, request_hash, status, claimed_until, currency, amount_minor, tip_minor,
            tax_minor, customer_id, entry_mode, offline, device_time, received_at, sold_at, card_brand, masked_pan,
            expiry_month, expiry_year, response_code, authorization_code, decline_reason, gateway_reference,
            authorized_minor, captured_minor, refunded_minor, version""";

    static SaleRow read(ResultSet rs, int n) throws SQLException {
        String brand = rs.getString("card_brand");
        return new SaleRow(
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getObject("store_id", UUID.class),
                rs.getObject("device_id", UUID.class),
                rs.getBytes("request_hash"),
                SaleStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("claimed_until")),
                rs.getString("currency"),
                rs.getLong("amount_minor"),
                rs.getLong("tip_minor"),
                rs.getLong("tax_minor"),
                rs.getObject("customer_id", UUID.class),
                EntryMode.valueOf(rs.getString("entry_mode")),
                rs.getBoolean("offline"),
                instant(rs.getTimestamp("device_time")),
                instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("sold_at")),
                brand == null ? null : CardBrand.valueOf(brand),
                rs.getString("masked_pan"),
                (Integer) rs.getObject("expiry_month", Integer.class),
                (Integer) rs.getObject("expiry_year", Integer.class),
                rs.getString("response_code"),
                rs.getString("authorization_code"),
                rs.getString("decline_reason"),
                rs.getString("gateway_reference"),
                rs.getLong("authorized_minor"),
                rs.getLong("captured_minor"),
                rs.getLong("refunded_minor"),
                rs.getLong("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    SaleSummary summary() {
        return new SaleSummary(
                id,
                storeId,
                deviceId,
                status,
                currency,
                amountMinor,
                tipMinor,
                authorizedMinor,
                capturedMinor,
                refundedMinor,
                brand,
                maskedPan,
                entryMode,
                offline,
                soldAt,
                receivedAt,
                responseCode,
                authorizationCode,
                declineReason);
    }

    public PaymentResult result() {
        return new PaymentResult(
                id,
                outcome(),
                status,
                status.approved(),
                responseCode,
                authorizationCode,
                declineReason,
                Outcomes.message(status, declineReason),
                amountMinor,
                authorizedMinor,
                capturedMinor,
                refundedMinor,
                currency,
                brand,
                maskedPan,
                offline,
                deviceTime,
                soldAt,
                false);
    }

    String outcome() {
        return Outcomes.outcome(status, authorizedMinor, amountMinor);
    }
}
