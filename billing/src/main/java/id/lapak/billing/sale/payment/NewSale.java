package id.lapak.billing.sale.payment;

import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.gateway.EntryMode;
import id.lapak.billing.sale.PaymentResult;
import id.lapak.billing.sale.SaleRow;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.tenant.sale.SaleLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A sale about to be inserted (and, once decided, what the device is answered). {@code cashier} is the operator the
 * device reported (stripped, or null); {@code lineDiscounts} holds each line's reported discount, null where none.
 */
record NewSale(
        UUID tenantId,
        UUID id,
        UUID storeId,
        UUID deviceId,
        String idempotencyKey,
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
        Instant decidedAt,
        CardFacts card,
        List<SaleLine> saleLines,
        PaymentRequest.Cashier cashier,
        List<Long> lineDiscounts) {

    NewSale {
        lineDiscounts = Collections.unmodifiableList(new ArrayList<>(lineDiscounts));
        if (lineDiscounts.size() != saleLines.size()) {
            throw new IllegalArgumentException("one discount entry per line");
        }
    }

    /** The sum of the lines' discounts; null when no line reported one (as for sales before discounts existed). */
    Long discountMinor() {
        return lineDiscounts.stream().allMatch(Objects::isNull)
                ? null
                : lineDiscounts.stream()
                        .filter(Objects::nonNull)
                        .mapToLong(Long::longValue)
                        .sum();
    }

    CardBrand brand() {
        return card.brand();
    }

    NewSale withId(UUID existingId) {
        return new NewSale(
                tenantId,
                existingId,
                storeId,
                deviceId,
                idempotencyKey,
                requestHash,
                status,
                claimedUntil,
                currency,
                amountMinor,
                tipMinor,
                taxMinor,
                customerId,
                entryMode,
                offline,
                deviceTime,
                receivedAt,
                soldAt,
                decidedAt,
                card,
                saleLines,
                cashier,
                lineDiscounts);
    }

    SaleRow decided(Decision d, Instant at) {
        return new SaleRow(
                tenantId,
                id,
                storeId,
                deviceId,
                requestHash,
                d.status(),
                null,
                currency,
                amountMinor,
                tipMinor,
                taxMinor,
                customerId,
                entryMode,
                offline,
                deviceTime,
                receivedAt,
                soldAt,
                card.brand(),
                card.maskedPan(),
                card.expiryMonth(),
                card.expiryYear(),
                d.responseCode(),
                d.authorizationCode(),
                d.declineReason(),
                d.gatewayReference(),
                d.authorizedMinor(),
                d.capturedMinor(),
                0,
                1);
    }

    /** The answer for a sale Lapak declined itself (bad card, offline limits). */
    PaymentResult result() {
        return new SaleRow(
                        tenantId,
                        id,
                        storeId,
                        deviceId,
                        requestHash,
                        status,
                        claimedUntil,
                        currency,
                        amountMinor,
                        tipMinor,
                        taxMinor,
                        customerId,
                        entryMode,
                        offline,
                        deviceTime,
                        receivedAt,
                        soldAt,
                        card.brand(),
                        card.maskedPan(),
                        card.expiryMonth(),
                        card.expiryYear(),
                        card.localDeclineCode(),
                        null,
                        card.localDeclineReason(),
                        null,
                        0,
                        0,
                        0,
                        0)
                .result();
    }
}
