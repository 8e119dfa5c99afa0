package id.lapak.billing.sale.payment;

import id.lapak.billing.gateway.CardBrand;

/** What Lapak concluded about the card before asking the acquirer. */
record CardFacts(
        CardBrand brand,
        String maskedPan,
        String last4,
        int expiryMonth,
        int expiryYear,
        byte[] fingerprint,
        String localDeclineCode,
        String localDeclineReason) {}
